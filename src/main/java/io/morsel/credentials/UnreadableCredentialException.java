package io.morsel.credentials;

import io.morsel.shared.ProblemException;
import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * A posted credential Morsel cannot read as JSON-LD: an unknown context (Morsel never fetches one), a term no context
 * defines, or JSON-LD that breaks the rules. Answered {@code 422} {@code /problems/unreadable-credential}.
 */
public class UnreadableCredentialException extends ProblemException {

	public static final URI TYPE = URI.create("/problems/unreadable-credential");

	public UnreadableCredentialException(String code, Object... arguments) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, TYPE, "problem.title.unreadable-credential", code, arguments);
	}
}
