package io.morsel.web;

import io.morsel.shared.ProblemException;
import io.morsel.shared.ProblemTypes;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Maps every failure of a REST controller to an RFC 9457 problem detail with a stable {@code type}. Modules' refusals
 * carry their own answer ({@link ProblemException}, handled as every {@link org.springframework.web.ErrorResponse});
 * validation failures list each field; a body that cannot be read says why (unknown field, malformed JSON, too
 * large, the rule a value refused it by). Anything else is a failure on Morsel's side: logged, and answered 500
 * without its message; but a database out of reach is answered 503 before this advice sees it
 * ({@link UnreachableDatabase}).
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	private static final Pattern MISSING_PROPERTY = Pattern.compile("^Missing required creator property '([^']+)'");

	/** One field that failed validation. */
	record FieldProblem(String field, String message) {
	}

	@ExceptionHandler
	ProblemDetail forbidden(AccessDeniedException e) {
		return problem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "problem.title.forbidden",
				"Your roles in this organisation do not allow this.");
	}

	@ExceptionHandler
	ProblemDetail unexpected(RuntimeException e) {
		log.error("Unexpected failure of an API request", e);
		return serverError();
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "problem.title.invalid-request",
				"Some fields are invalid.");
		var fields = e.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(f -> new FieldProblem(f.getField(), String.valueOf(f.getDefaultMessage())))
			.toList();
		var global = e.getBindingResult()
			.getGlobalErrors()
			.stream()
			.map(g -> new FieldProblem("", String.valueOf(g.getDefaultMessage())))
			.toList();
		problem.setProperty("errors", concat(fields, global));
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (BodySizeLimit.exceeded(e)) {
			var problem = problem(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.BODY_TOO_LARGE, "problem.title.body-too-large",
				"The request body is larger than this API accepts.");
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
		}
		var refusal = refusal(e);
		if (refusal != null) {
			return ResponseEntity.status(refusal.getStatusCode())
				.body(refusal.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale()));
		}
		if (failedInOurCode(e)) {
			log.error("A value of a request body failed in an undeclared way", e);
			return ResponseEntity.internalServerError().body(serverError());
		}
		var missing = missingField(e);
		if (missing != null) {
			var problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "problem.title.invalid-request",
					"Some fields are invalid.");
			problem.setProperty("errors", List.of(new FieldProblem(missing, "is required (send null where allowed)")));
			return ResponseEntity.badRequest().body(problem);
		}
		var problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_BODY, "problem.title.unreadable-body",
				readableReason(e));
		if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
			problem.setProperty("errors",
					List.of(new FieldProblem(unknown.getPropertyName(), "is not a field of this request")));
		}
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var problem = problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemTypes.UNSUPPORTED_MEDIA_TYPE,
				"problem.title.unsupported-media-type",
				"Send the body as " + e.getSupportedMediaTypes() + ", not " + e.getContentType() + ".");
		return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).headers(headers).body(problem);
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (body instanceof ProblemDetail problem
				&& (problem.getType() == null || problem.getType().toString().equals("about:blank"))) {
			problem.setType(switch (status.value()) {
				case 400 -> ProblemTypes.VALIDATION;
				case 404 -> ProblemTypes.NOT_FOUND;
				case 405 -> ProblemTypes.METHOD_NOT_ALLOWED;
				default -> problem.getType() == null ? java.net.URI.create("about:blank") : problem.getType();
			});
		}
		return super.createResponseEntity(body, headers, status, request);
	}

	/** How a value of the body refused it ("The objective must be one sentence"), if one did. */
	private static @Nullable ProblemException refusal(Throwable failure) {
		for (var cause = failure.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof ProblemException refusal) {
				return refusal;
			}
		}
		return null;
	}

	/**
	 * Whether a constructor or factory of the body's types threw something other than a refusal: a bug (a plain
	 * {@link IllegalArgumentException}, a {@link NullPointerException}), whose message is not for the client.
	 */
	private static boolean failedInOurCode(HttpMessageNotReadableException e) {
		return e.getCause() instanceof ValueInstantiationException failed && failed.getCause() != null
				&& !(failed.getCause() instanceof JacksonException);
	}

	private ProblemDetail serverError() {
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.SERVER_ERROR, "problem.title.server-error",
				"Morsel could not complete the request; it has been logged.");
	}

	/** A problem whose title is the message {@code titleCode} names, in the request's locale. */
	private ProblemDetail problem(HttpStatus status, java.net.URI type, String titleCode, String detail) {
		var problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		var messages = getMessageSource();
		problem.setTitle(messages == null ? titleCode
				: messages.getMessage(titleCode, null, titleCode, LocaleContextHolder.getLocale()));
		return problem;
	}

	/**
	 * The field a body left out although its type requires it ({@code @JsonProperty(required = true)}): Jackson names
	 * the first such field only, in its message.
	 */
	private static @Nullable String missingField(HttpMessageNotReadableException e) {
		if (e.getCause() instanceof MismatchedInputException mismatch && mismatch.getOriginalMessage() != null) {
			var missing = MISSING_PROPERTY.matcher(mismatch.getOriginalMessage());
			if (missing.find()) {
				return missing.group(1);
			}
		}
		return null;
	}

	private static String readableReason(HttpMessageNotReadableException e) {
		if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
			return "Unknown field '" + unknown.getPropertyName() + "'.";
		}
		if (e.getCause() instanceof JacksonException json) {
			return "The body is not valid JSON for this request: " + json.getOriginalMessage();
		}
		return "The request body is missing or cannot be read.";
	}

	private static List<FieldProblem> concat(List<FieldProblem> a, List<FieldProblem> b) {
		return b.isEmpty() ? a : java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
	}

}
