package io.morsel.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A request that does not fit the object's current state (publishing without a draft, say): answered 409 (a
 * problem detail from the API, the error page in the layout from a page).
 */
@ResponseStatus(HttpStatus.CONFLICT)
public class ConflictException extends RuntimeException {

	public ConflictException(String message) {
		super(message);
	}
}
