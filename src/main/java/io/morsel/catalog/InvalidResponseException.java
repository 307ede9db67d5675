package io.morsel.catalog;

/** A response that does not fit its interaction: wrong kind, unknown ids, wrong number of picks. Nothing is scored. */
public class InvalidResponseException extends IllegalArgumentException {

	public InvalidResponseException(String message) {
		super(message);
	}
}
