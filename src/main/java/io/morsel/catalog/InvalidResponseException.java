package io.morsel.catalog;

import io.morsel.shared.ProblemException;
import io.morsel.shared.ProblemTypes;
import org.springframework.http.HttpStatus;

/** A response that does not fit its interaction: wrong kind, unknown ids, wrong number of picks. Nothing is scored. */
public class InvalidResponseException extends ProblemException {

	public InvalidResponseException(String message) {
		super(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Answer does not fit the interaction", message);
	}
}
