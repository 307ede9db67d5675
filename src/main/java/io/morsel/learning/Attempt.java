package io.morsel.learning;

import io.morsel.catalog.LessonVersion;
import io.morsel.catalog.Response;
import io.morsel.catalog.Score;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A learner's attempt at a lesson: the version they started (they finish that version, even when a newer one is
 * published), where they are, and what they answered so far.
 */
public record Attempt(UUID id, LessonVersion lesson, int step, Map<String, Answer> answers,
		@Nullable Instant completedAt) {

	public Attempt {
		answers = Map.copyOf(answers);
	}

	/** One answer, with the score it earned (scores are deterministic, so they are recomputed from the response). */
	public record Answer(Response response, Score score, Instant answeredAt) {
	}

	public boolean completed() {
		return completedAt != null;
	}

	public boolean answered(String interactionId) {
		return answers.containsKey(interactionId);
	}
}
