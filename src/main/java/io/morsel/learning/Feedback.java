package io.morsel.learning;

import io.morsel.catalog.Score;

/** What a learner gets back for an answer: the score with its feedback, and whether the lesson is now complete. */
public record Feedback(String interactionId, Score score, boolean lessonCompleted) {
}
