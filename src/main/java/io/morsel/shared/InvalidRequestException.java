package io.morsel.shared;

import org.springframework.http.HttpStatus;

/**
 * Input that breaks a rule the request could not express by itself (an unknown skill name, say): answered 400 (a
 * problem detail from the API, the error page in the layout from a page). The rule is a message code and its
 * arguments.
 */
public class InvalidRequestException extends ProblemException {

	public InvalidRequestException(String code, Object... arguments) {
		super(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "problem.title.invalid-request", code, arguments);
	}
}
