package io.morsel.learning;

import io.morsel.catalog.Interaction;
import io.morsel.catalog.LessonVersion;
import io.morsel.catalog.SkillId;
import java.time.Instant;
import java.util.List;

/**
 * How far an attempt has come on its lesson version, and the rule of its completion: an attempt completes when every
 * interaction is answered, and its score is the credit earned on the interactions that assess the objective over how
 * many of them there are (1 when none assesses it: such a lesson is completed, not assessed). Counts, not answers, so
 * that completing never reads the answers table (ADR 0005).
 *
 * @param interactions the version's interactions
 * @param assessing how many of them assess the objective
 * @param answered how many of them the learner answered
 * @param assessedCredit the credit the answers earned on interactions that assess the objective
 */
record AttemptProgress(int interactions, int assessing, int answered, double assessedCredit) {

	/**
	 * The score at which a completed attempt masters its objective. Four fifths: a learner who missed most of the
	 * assessing questions, or even one of two, has not shown the objective yet (docs/scoring.md, "Done and mastered").
	 */
	static final double MASTERY = 0.8;

	AttemptProgress {
		if (assessing < 0 || assessing > interactions) {
			throw new IllegalArgumentException("Between none and all of %d interactions assess the objective, not %d"
				.formatted(interactions, assessing));
		}
		if (answered < 0 || answered > interactions) {
			throw new IllegalArgumentException(
					"Between none and all of %d interactions are answered, not %d".formatted(interactions, answered));
		}
		// Credits are sums of fractions: allow for their rounding.
		if (assessedCredit < 0 || assessedCredit > assessing + 1e-9) {
			throw new IllegalArgumentException("The credit on %d assessing interactions is 0 to %d, not %s"
				.formatted(assessing, assessing, assessedCredit));
		}
	}

	/** The progress of an attempt at this version with these answers so far. */
	static AttemptProgress of(LessonVersion version, int answered, double assessedCredit) {
		var interactions = version.content().interactions();
		var assessing = (int) interactions.stream().filter(Interaction::assessesObjective).count();
		return new AttemptProgress(interactions.size(), assessing, answered, assessedCredit);
	}

	/** Whether every interaction is answered (at once for a lesson without any). */
	boolean allAnswered() {
		return answered == interactions;
	}

	/**
	 * The score of the completed attempt: the assessed credit over the number of assessing interactions, 1 when none
	 * assesses the objective.
	 * @throws IllegalStateException while an interaction is unanswered
	 */
	double score() {
		if (!allAnswered()) {
			throw new IllegalStateException("An attempt has a score once every interaction is answered; %d of %d are"
				.formatted(answered, interactions));
		}
		return assessing == 0 ? 1 : assessedCredit / assessing;
	}

	/** The score of the answers so far, as {@link #score()} will be once all are in. */
	double scoreSoFar() {
		return assessing == 0 ? 1 : assessedCredit / assessing;
	}

	/**
	 * Whether the completed attempt masters the objective: something assesses it and the score reaches
	 * {@link #MASTERY} (allowing for the rounding of summed fractions).
	 */
	boolean mastered() {
		return assessing > 0 && score() >= MASTERY - 1e-9;
	}

	/**
	 * Completes the attempt: the learner's {@link LessonCompleted} with its score.
	 * @throws IllegalStateException while an interaction is unanswered
	 */
	LessonCompleted complete(Learner learner, LessonVersion version, List<SkillId> skills, Instant at) {
		return new LessonCompleted(learner.organisationId(), learner.userId(), version.lessonId(), version.version(),
				skills, score(), at);
	}
}
