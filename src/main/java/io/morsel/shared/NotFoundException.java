package io.morsel.shared;

import org.springframework.http.HttpStatus;

/**
 * Thrown when an object does not exist <em>or belongs to another organisation</em>: both answer 404, so nobody
 * learns that another tenant's object exists. What was not found is a message code ("Lesson not found").
 */
public class NotFoundException extends ProblemException {

	public NotFoundException(String code, Object... arguments) {
		super(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "problem.title.not-found", code, arguments);
	}
}
