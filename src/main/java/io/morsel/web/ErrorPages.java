package io.morsel.web;

import io.morsel.shared.ProblemResponses;
import io.morsel.shared.ProblemTypes;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error that reaches the container: API paths answer with a problem detail, pages with the 403, 404 or 500
 * page in Morsel's layout (any other status with the general one). A failure to reach the database is answered as
 * {@link UnreachableDatabase} answers it.
 */
@Controller
class ErrorPages implements ErrorController {

	/** A request attribute: the message key of why a request was refused, which the error page shows. */
	static final String REASON = ErrorPages.class.getName() + ".reason";

	private static final Map<Integer, URI> TYPES = Map.of(400, ProblemTypes.VALIDATION, 401, ProblemTypes.UNAUTHENTICATED,
			403, ProblemTypes.FORBIDDEN, 404, ProblemTypes.NOT_FOUND, 405, ProblemTypes.METHOD_NOT_ALLOWED, 413, ProblemTypes.BODY_TOO_LARGE, 415,
			ProblemTypes.UNSUPPORTED_MEDIA_TYPE);

	/** The titles of the statuses a request can end in here, as message codes; any other is an "Error". */
	private static final Map<Integer, String> TITLES = Map.of(400, "problem.title.http-400", 401,
			"problem.title.http-401", 403, "problem.title.http-403", 404, "problem.title.http-404", 405,
			"problem.title.http-405", 406, "problem.title.http-406", 413, "problem.title.http-413", 415,
			"problem.title.http-415", 500, "problem.title.http-500");

	private final ProblemResponses problems;
	private final UnreachableDatabase unreachableDatabase;

	ErrorPages(ProblemResponses problems, UnreachableDatabase unreachableDatabase) {
		this.problems = problems;
		this.unreachableDatabase = unreachableDatabase;
	}

	@RequestMapping("/error")
	@Nullable ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		var status = HttpStatus.resolve(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
				? code : 500);
		if (status == null) {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		var uri = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
		// A filter (the session or token check) that could not reach the database: the same 503 as a controller's.
		if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
				&& unreachableDatabase.explains(failure)) {
			var answer = unreachableDatabase.answer(request, response, uri, failure);
			return answer.isEmpty() ? null : answer;
		}
		if (uri.startsWith("/api/") || uri.startsWith("/actuator/")) {
			problems.write(request, response, status.value(), TYPES.getOrDefault(status.value(),
					status.is5xxServerError() ? ProblemTypes.SERVER_ERROR : URI.create("about:blank")),
					TITLES.getOrDefault(status.value(), "problem.title.http-error"), detail(status), uri);
			return null;
		}
		var view = switch (status.value()) {
			case 403, 404, 500 -> "error/" + status.value();
			default -> "error/error";
		};
		var page = new ModelAndView(view, status);
		page.addObject("status", status.value());
		page.addObject("reason", request.getAttribute(REASON));
		return page;
	}

	/**
	 * Shows the error for {@code status} from a filter, as a problem detail or the page: forwarded as a GET, since the
	 * method may be one that the security firewall refuses on the way to this controller.
	 */
	static void show(HttpServletRequest request, HttpServletResponse response, int status, @Nullable String reason)
			throws IOException, jakarta.servlet.ServletException {
		request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
		request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
		if (reason != null) {
			request.setAttribute(REASON, reason);
		}
		response.setStatus(status);
		request.getRequestDispatcher("/error").forward(new HttpServletRequestWrapper(request) {
			@Override
			public String getMethod() {
				return "GET";
			}
		}, response);
	}

	private static String detail(HttpStatus status) {
		return switch (status.value()) {
			case 404 -> "There is nothing at this address.";
			case 405 -> "This address does not accept that method.";
			default -> status.is5xxServerError() ? "Morsel could not complete the request; it has been logged."
					: status.getReasonPhrase();
		};
	}
}
