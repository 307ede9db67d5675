package io.morsel.shared;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * An image Morsel will not show to others (a badge, a logo, a cover): not a PNG or SVG it can read, too large, or
 * an SVG with scripts, event handlers or outside references ({@link InertImages}). Answered {@code 422}
 * {@code /problems/unusable-image}.
 */
public class UnusableImageException extends ProblemException {

	public static final URI TYPE = URI.create("/problems/unusable-image");

	public UnusableImageException(String code, Object... arguments) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, TYPE, "problem.title.unusable-image", code, arguments);
	}
}
