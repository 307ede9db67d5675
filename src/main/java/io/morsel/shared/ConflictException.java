package io.morsel.shared;

import org.springframework.http.HttpStatus;

/**
 * A request that does not fit the object's current state (publishing without a draft, say): answered 409 (a
 * problem detail from the API, the error page in the layout from a page). Why is a message code and its arguments.
 */
public class ConflictException extends ProblemException {

	public ConflictException(String code, Object... arguments) {
		super(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "problem.title.conflict", code, arguments);
	}
}
