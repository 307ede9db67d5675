package io.morsel.learning;

import io.morsel.catalog.Block;
import io.morsel.catalog.LessonVersion;
import io.morsel.catalog.Response;
import io.morsel.catalog.Score;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A learner's attempt at a lesson: the version they started (they finish that version, even when a newer one is
 * published), where they are, and what they answered so far. A completed attempt is done; it is also mastered when the
 * learner earned most of the credit of the questions assessing the objective ({@link #outcome()}).
 */
public record Attempt(UUID id, LessonVersion lesson, int step, Map<String, Answer> answers,
		@Nullable Instant completedAt, Instant startedAt) {

	/** What a completed attempt says of the objective. */
	public enum Outcome {
		/** The answers met the objective: the score reached four fifths. */
		MASTERED,
		/** Done, but the questions assessing the objective were mostly missed. */
		NOT_MASTERED,
		/** Done; no question assesses the objective, so there is nothing to master. */
		DONE
	}

	public Attempt {
		answers = Map.copyOf(answers);
	}

	/** One answer, with the score it earned (scores are deterministic, so they are recomputed from the response). */
	public record Answer(Response response, Score score, Instant answeredAt) {
	}

	/**
	 * This attempt with an answer it did not have, given at {@code answer.answeredAt()}: the learner is then at that
	 * question's step, as the answer's write leaves them, and the attempt is complete from then when the answer
	 * completed it.
	 */
	Attempt with(String interactionId, Answer answer, boolean completes) {
		var all = new HashMap<>(answers);
		all.put(interactionId, answer);
		var blocks = lesson.content().blocks();
		var questionStep = step;
		for (int i = 0; i < blocks.size(); i++) {
			if (blocks.get(i) instanceof Block.Question q && q.interaction().id().equals(interactionId)) {
				questionStep = i;
			}
		}
		return new Attempt(id, lesson, questionStep, all, completes && completedAt == null ? answer.answeredAt() : completedAt,
				startedAt);
	}

	/** This attempt with the learner at another step. */
	Attempt at(int step) {
		return new Attempt(id, lesson, step, answers, completedAt, startedAt);
	}

	public boolean completed() {
		return completedAt != null;
	}

	public boolean answered(String interactionId) {
		return answers.containsKey(interactionId);
	}

	/**
	 * The score so far: the credit earned on the questions assessing the objective over how many there are (as
	 * {@link LessonCompleted#score()} once complete); 1 when none assesses it.
	 */
	public double score() {
		return progress().scoreSoFar();
	}

	/**
	 * Mastered, not mastered, or simply done (nothing assessed).
	 * @throws IllegalStateException while the attempt is not complete
	 */
	public Outcome outcome() {
		if (!completed()) {
			throw new IllegalStateException("An attempt has an outcome once complete");
		}
		var progress = progress();
		if (progress.assessing() == 0) {
			return Outcome.DONE;
		}
		return progress.mastered() ? Outcome.MASTERED : Outcome.NOT_MASTERED;
	}

	/** From the start to completion; nothing while incomplete. */
	public @Nullable Duration timeTaken() {
		return completedAt == null ? null : Duration.between(startedAt, completedAt);
	}

	private AttemptProgress progress() {
		var credit = 0.0;
		for (var interaction : lesson.content().interactions()) {
			var answer = answers.get(interaction.id());
			if (answer != null && interaction.assessesObjective()) {
				credit += answer.score().credit();
			}
		}
		return AttemptProgress.of(lesson, answers.size(), credit);
	}
}
