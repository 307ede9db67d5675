package io.morsel.delivery;

import io.morsel.shared.ProblemException;
import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * A request that claims to come from a channel (Slack's interactivity) but whose signature does not hold, or was made
 * too long ago to be anything but a replay. Answered {@code 401} {@code /problems/forged-request}; nothing is recorded.
 */
public class ForgedRequestException extends ProblemException {

	public static final URI TYPE = URI.create("/problems/forged-request");

	public ForgedRequestException(String code, Object... arguments) {
		super(HttpStatus.UNAUTHORIZED, TYPE, "problem.title.forged-request", code, arguments);
	}
}
