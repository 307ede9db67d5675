package io.morsel.learning;

import io.morsel.shared.ProblemException;
import io.morsel.shared.ProblemTypes;
import org.springframework.http.HttpStatus;

/**
 * An answer sent with the idempotency key of a stored answer, but a different response (422): the key says "the same
 * request again", the body says otherwise. Its problem detail carries the stored answer's feedback as {@code answer}.
 */
public class IdempotencyKeyReused extends ProblemException {

	IdempotencyKeyReused(Feedback stored) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.IDEMPOTENCY_KEY_REUSED, "problem.title.idempotency-key-reused",
				"learning.refused.idempotency-key-reused");
		getBody().setProperty("answer", AlreadyAnswered.properties(stored));
	}
}
