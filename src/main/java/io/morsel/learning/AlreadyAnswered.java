package io.morsel.learning;

import io.morsel.shared.ConflictException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A second answer to an interaction answered already (409): an answer is given once. Its problem detail carries the
 * stored answer's feedback as {@code answer}, as {@code POST /api/v1/attempts} answers it.
 */
public class AlreadyAnswered extends ConflictException {

	private final Feedback stored;

	AlreadyAnswered(Feedback stored) {
		super("learning.refused.already-answered");
		this.stored = stored;
		getBody().setProperty("answer", properties(stored));
	}

	/** The feedback of the answer stored. */
	public Feedback stored() {
		return stored;
	}

	static Map<String, @Nullable Object> properties(Feedback feedback) {
		var score = feedback.score();
		var answer = new LinkedHashMap<String, @Nullable Object>();
		answer.put("interactionId", feedback.interactionId());
		answer.put("credit", score.credit());
		answer.put("correct", score.correct());
		answer.put("feedback", score.feedback());
		answer.put("explanation", score.explanation());
		answer.put("lessonCompleted", feedback.lessonCompleted());
		return answer;
	}
}
