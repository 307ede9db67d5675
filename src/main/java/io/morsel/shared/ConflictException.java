package io.morsel.shared;

/** A request that does not fit the object's current state (publishing without a draft, say): answered 409. */
public class ConflictException extends RuntimeException {

	public ConflictException(String message) {
		super(message);
	}
}
