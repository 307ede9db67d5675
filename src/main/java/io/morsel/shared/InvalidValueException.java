package io.morsel.shared;

import org.springframework.http.HttpStatus;

/**
 * A value that cannot be built from what a person sent: the rule it breaks, in words they can act on ("The objective
 * must be one sentence"), named by its message code. Value objects, their constructors and parsers of user input
 * throw it; the API answers 400 with the rule as the detail, also when it happens while a request body is read, and
 * forms show it beside what was sent. Any other {@link IllegalArgumentException} is a programming error: answered
 * 500, logged, its message never shown.
 */
public class InvalidValueException extends ProblemException {

	/** The rule broken, as a message code of the bundles and its arguments. */
	public InvalidValueException(String code, Object... arguments) {
		this("problem.title.invalid-request", code, arguments);
	}

	protected InvalidValueException(String titleCode, String code, Object[] arguments) {
		super(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, titleCode, code, arguments);
	}
}
