package io.morsel.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Input that breaks a rule the request could not express by itself (an unknown skill name, say): answered 400 (a
 * problem detail from the API, the error page in the layout from a page).
 */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class InvalidRequestException extends RuntimeException {

	public InvalidRequestException(String message) {
		super(message);
	}
}
