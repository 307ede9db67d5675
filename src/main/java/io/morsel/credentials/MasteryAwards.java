package io.morsel.credentials;

import io.morsel.learning.Learner;
import io.morsel.reinforcement.SkillMastered;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Awards what a learner's new mastery earns, through the event publication log: a node that stops before the award
 * leaves the publication open, and it is resubmitted. Safe to run twice: a held achievement is not awarded again.
 */
@Component
class MasteryAwards {

	private final Awards awards;

	MasteryAwards(Awards awards) {
		this.awards = awards;
	}

	@ApplicationModuleListener
	void on(SkillMastered mastered) {
		awards.awardEarned(new Learner(mastered.organisationId(), mastered.learner()));
	}
}
