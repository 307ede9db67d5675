package io.morsel.web;

import io.morsel.catalog.InvalidResponseException;
import io.morsel.catalog.MediaLibrary;
import io.morsel.shared.ConflictException;
import io.morsel.shared.InvalidRequestException;
import io.morsel.shared.NotFoundException;
import io.morsel.shared.ProblemTypes;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Maps every failure of a REST controller to an RFC 9457 problem detail with a stable {@code type}. Validation
 * failures list each field; a body that cannot be read says why (unknown field, malformed JSON, too large).
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	/** One field that failed validation. */
	record FieldProblem(String field, String message) {
	}

	@ExceptionHandler
	ProblemDetail notFound(NotFoundException e) {
		return problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", e.getMessage());
	}

	@ExceptionHandler
	ProblemDetail invalid(InvalidRequestException e) {
		return problem(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request", e.getMessage());
	}

	@ExceptionHandler
	ProblemDetail invalidResponse(InvalidResponseException e) {
		return problem(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Answer does not fit the interaction",
				e.getMessage());
	}

	@ExceptionHandler
	ProblemDetail unsupportedMedia(MediaLibrary.UnsupportedMediaException e) {
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemTypes.UNSUPPORTED_MEDIA_TYPE, "Unsupported file",
				e.getMessage());
	}

	@ExceptionHandler
	ProblemDetail mediaTooLarge(MediaLibrary.MediaTooLargeException e) {
		return problem(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.BODY_TOO_LARGE, "File too large", e.getMessage());
	}

	@ExceptionHandler
	ProblemDetail conflict(ConflictException e) {
		return problem(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Conflict", e.getMessage());
	}

	@ExceptionHandler
	ProblemDetail forbidden(AccessDeniedException e) {
		return problem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden",
				"Your roles in this organisation do not allow this.");
	}

	@ExceptionHandler
	ProblemDetail unexpected(RuntimeException e) {
		log.error("Unexpected failure of an API request", e);
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"Morsel could not complete the request; it has been logged.");
		problem.setType(ProblemTypes.SERVER_ERROR);
		return problem;
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request",
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
			var problem = problem(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.BODY_TOO_LARGE, "Body too large",
				"The request body is larger than this API accepts.");
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
		}
		var rule = ruleBroken(e);
		if (rule != null) {
			var problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request", rule);
			return ResponseEntity.badRequest().body(problem);
		}
		var problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_BODY, "Unreadable request body",
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
				"Unsupported media type",
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

	/** The rule a value object's constructor refused the body with ("The objective must be one sentence"), if any. */
	private static @Nullable String ruleBroken(Throwable failure) {
		for (var cause = failure.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof IllegalArgumentException rule && rule.getMessage() != null) {
				return rule.getMessage();
			}
		}
		return null;
	}

	private static ProblemDetail problem(HttpStatus status, java.net.URI type, String title, String detail) {
		var problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		return problem;
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
