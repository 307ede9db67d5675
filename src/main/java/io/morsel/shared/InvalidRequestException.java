package io.morsel.shared;

/** Input that breaks a rule the request could not express by itself (an unknown skill name, say): answered 400. */
public class InvalidRequestException extends RuntimeException {

	public InvalidRequestException(String message) {
		super(message);
	}
}
