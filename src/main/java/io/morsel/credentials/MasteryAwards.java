package io.morsel.credentials;

import io.morsel.learning.Learner;
import io.morsel.learning.LessonCompleted;
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
	private final ProgramResults programResults;

	MasteryAwards(Awards awards, AwardStatuses statuses, ProgramResults programResults) {
		this.awards = awards;
		this.programResults = programResults;
		this.statuses = statuses;
	}

	@ApplicationModuleListener
	void on(SkillMastered mastered) {
		var learner = new Learner(mastered.organisationId(), mastered.learner());
		awards.awardEarned(learner);
		statuses.keepCurrent(learner);
	}

	/**
	 * A completed lesson may complete a program an achievement names: its score is kept (for achievements defined
	 * later too), then the rules are evaluated — only where some achievement of the organisation names a program, as
	 * lessons are completed far more often than achievements are earned.
	 */
	@ApplicationModuleListener
	void on(LessonCompleted completed) {
		programResults.record(completed);
		if (programResults.anyAchievementNamesAProgram(completed.organisationId())) {
			awards.awardEarned(new Learner(completed.organisationId(), completed.learner()));
		}
	}

	@ApplicationModuleListener
	void on(MasteryLost lost) {
		statuses.keepCurrent(new Learner(lost.organisationId(), lost.learner()));
	}
}
