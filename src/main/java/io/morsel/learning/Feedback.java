package io.morsel.learning;

import io.morsel.catalog.Score;

/**
 * What a learner gets back for an answer: the score with its feedback, and whether the lesson is now complete.
 * {@code replayed}: the answer had been stored by an earlier request with the same idempotency key, and this is its
 * feedback.
 */
public record Feedback(String interactionId, Score score, boolean lessonCompleted, boolean replayed) {

	public Feedback(String interactionId, Score score, boolean lessonCompleted) {
		this(interactionId, score, lessonCompleted, false);
	}
}
