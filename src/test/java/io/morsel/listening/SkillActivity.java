package io.morsel.listening;

import io.morsel.reinforcement.MasteryLost;
import io.morsel.reinforcement.SkillMastered;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Receives reinforcement's mastery events as a notification module will, through the event publication log: what makes
 * them recorded there, for the tests to read (reinforcement.MasteryTests).
 */
@Component
class SkillActivity {

	private static final List<Object> received = new CopyOnWriteArrayList<>();

	@ApplicationModuleListener
	void on(SkillMastered mastered) {
		received.add(mastered);
	}

	@ApplicationModuleListener
	void on(MasteryLost lost) {
		received.add(lost);
	}
}
