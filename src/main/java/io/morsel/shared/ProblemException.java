package io.morsel.shared;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A refusal that carries its own answer: the status, the problem type (one of {@link ProblemTypes}), a title and the
 * detail a person can act on. The API answers with it as an RFC 9457 problem detail and pages with the error page of
 * its status, so a module adds a refusal of its own without teaching {@code web} about it. The message is the detail.
 */
public abstract class ProblemException extends ErrorResponseException {

	protected ProblemException(HttpStatus status, URI type, String title, String detail) {
		super(status, problem(status, type, title, detail), null);
	}

	@Override
	public @Nullable String getMessage() {
		return getBody().getDetail();
	}

	private static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
		var problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		return problem;
	}
}
