package io.morsel.shared;

import org.springframework.http.HttpStatus;

/**
 * Thrown when an object does not exist <em>or belongs to another organisation</em>: both answer 404, so nobody
 * learns that another tenant's object exists.
 */
public class NotFoundException extends ProblemException {

	public NotFoundException(String what) {
		super(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", what + " not found");
	}
}
