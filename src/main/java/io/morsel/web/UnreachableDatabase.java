package io.morsel.web;

import io.morsel.shared.DatabaseOutage;
import io.morsel.shared.ProblemResponses;
import io.morsel.shared.ProblemTypes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one answer to a request that failed because the database could not be reached ({@link DatabaseOutage}), whether
 * a controller, the answer writer's batch or a filter failed: 503 with {@code Retry-After}, as a problem detail
 * ({@link ProblemTypes#DATABASE_UNAVAILABLE}) on API paths and as the 503 page elsewhere. Nothing is wrong with the
 * request, so it is logged as a warning without its stack, once per request; the node recovers by itself.
 */
@Component
class UnreachableDatabase implements HandlerExceptionResolver, Ordered {

	private static final Logger log = LoggerFactory.getLogger(UnreachableDatabase.class);

	private final ProblemResponses problems;
	private final String retryAfter;

	UnreachableDatabase(ProblemResponses problems, @Value("${morsel.database.retry-after}") Duration retryAfter) {
		this.problems = problems;
		this.retryAfter = Long.toString(Math.max(1, retryAfter.toSeconds()));
	}

	/** Before every other resolver but Spring Boot's, which only notes the failure for the error page. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception failure) {
		if (!DatabaseOutage.explains(failure) || response.isCommitted()) {
			return null;
		}
		return answer(request, response, request.getRequestURI(), failure);
	}

	/** Whether this failure is the database being away, so that {@link #answer} is the response to it. */
	boolean explains(@Nullable Throwable failure) {
		return DatabaseOutage.explains(failure);
	}

	/** Answers 503 with {@code Retry-After}: the problem detail for {@code /api/} and {@code /actuator/}, else the page. */
	ModelAndView answer(HttpServletRequest request, HttpServletResponse response, String uri, Throwable failure) {
		log.warn("{} {} answered 503: the database could not be reached ({})", request.getMethod(), uri,
				rootMessage(failure));
		response.setHeader(HttpHeaders.RETRY_AFTER, retryAfter);
		if (uri.startsWith("/api/") || uri.startsWith("/actuator/")) {
			try {
				problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE.value(),
						ProblemTypes.DATABASE_UNAVAILABLE, "problem.title.database-unavailable",
						"Morsel cannot reach its database just now; nothing was changed unless a retry says so. "
								+ "Try again in " + retryAfter + " seconds.",
						uri);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			return new ModelAndView();
		}
		var page = new ModelAndView("error/503", HttpStatus.SERVICE_UNAVAILABLE);
		page.addObject("status", HttpStatus.SERVICE_UNAVAILABLE.value());
		return page;
	}

	private static String rootMessage(Throwable failure) {
		var root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}
}
