package io.morsel.credentials;

import io.morsel.learning.Learner;
import io.morsel.reinforcement.MasteryLost;
import io.morsel.reinforcement.SkillMastered;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps a learner's credentials in step with their mastery, through the event publication log (a node that stops
 * before it is done leaves the publication open, and it is resubmitted): new mastery awards what it earns and
 * reinstates what the currency rule had suspended; lapsed mastery suspends what rested on it. Safe to run twice: a
 * held achievement is not awarded again, and the currency rule reads the state, not the event.
 */
@Component
class MasteryAwards {

	private final Awards awards;
	private final AwardStatuses statuses;

	MasteryAwards(Awards awards, AwardStatuses statuses) {
		this.awards = awards;
		this.statuses = statuses;
	}

	@ApplicationModuleListener
	void on(SkillMastered mastered) {
		var learner = new Learner(mastered.organisationId(), mastered.learner());
		awards.awardEarned(learner);
		statuses.keepCurrent(learner);
	}

	@ApplicationModuleListener
	void on(MasteryLost lost) {
		statuses.keepCurrent(new Learner(lost.organisationId(), lost.learner()));
	}
}
