package io.morsel.catalog;

import io.morsel.shared.InvalidValueException;

/** A response that does not fit its interaction: wrong kind, unknown ids, wrong number of picks. Nothing is scored. */
public class InvalidResponseException extends InvalidValueException {

	public InvalidResponseException(String code, Object... arguments) {
		super("problem.title.answer-does-not-fit", code, arguments);
	}
}
