package io.morsel.shared;

import java.net.URI;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A refusal that carries its own answer: the status, the problem type (one of {@link ProblemTypes}), a title and the
 * detail a person can act on. The API answers with it as an RFC 9457 problem detail and pages with the error page of
 * its status, so a module adds a refusal of its own without teaching {@code web} about it.
 * <p>
 * The detail is a message code of the bundles ({@code messages*.properties}) with its arguments, never a sentence:
 * {@code new InvalidValueException("catalog.refused.lesson-needs-least-block")}. The API resolves it through the application's
 * {@link MessageSource} in the request's locale ({@link #getDetailMessageCode()}); the message, which forms show
 * beside what was sent, is the same text resolved when the refusal is made, in the locale of the request being
 * served. The title is a message code too ({@code problem.title.not-found}), resolved the same two ways
 * ({@link #getTitleMessageCode()}).
 */
public abstract class ProblemException extends ErrorResponseException {

	/**
	 * The bundles as the application reads them ({@code spring.messages.*}): refusals are also made outside a Spring
	 * context (value objects in plain unit tests), so they cannot wait for the application's message source.
	 */
	private static final ResourceBundleMessageSource BUNDLES = bundles();

	private final String titleCode;

	protected ProblemException(HttpStatus status, URI type, String titleCode, String code, Object... arguments) {
		this(status, type, titleCode, code, texts(arguments));
	}

	private ProblemException(HttpStatus status, URI type, String titleCode, String code, String[] arguments) {
		super(status, problem(status, type, resolve(titleCode), resolve(code, arguments)), null, code, arguments);
		this.titleCode = titleCode;
	}

	@Override
	public String getTitleMessageCode() {
		return titleCode;
	}

	@Override
	public @Nullable String getMessage() {
		return getBody().getDetail();
	}

	/** The text of {@code code} in the locale of the request being served; the code itself if no bundle has it. */
	protected static String resolve(String code, Object... arguments) {
		return BUNDLES.getMessage(code, arguments, code, LocaleContextHolder.getLocale());
	}

	/**
	 * The arguments as the sentences were written, by their own text: a number stays "1000", not a locale's "1,000",
	 * and an instant reads as it did.
	 */
	private static String[] texts(Object[] arguments) {
		return Arrays.stream(arguments).map(String::valueOf).toArray(String[]::new);
	}

	private static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
		var problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		return problem;
	}

	private static ResourceBundleMessageSource bundles() {
		var bundles = new ResourceBundleMessageSource();
		bundles.setBasename("messages");
		bundles.setDefaultEncoding("UTF-8");
		bundles.setFallbackToSystemLocale(false);
		return bundles;
	}
}
