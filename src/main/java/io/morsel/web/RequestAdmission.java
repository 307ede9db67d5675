package io.morsel.web;

import io.morsel.shared.ProblemResponses;
import io.morsel.shared.ProblemTypes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * Lets at most {@code morsel.requests.concurrency} requests be worked on at once; at most
 * {@code morsel.requests.waiting} others wait their turn, in the order they came, holding no database connection, and
 * one that waited {@code morsel.requests.wait}, or found that many waiting, is answered 503 with {@code Retry-After}
 * (ADR 0046).
 * <p>
 * Requests run on virtual threads, which the JDK never preempts and resumes in the order they became runnable: with
 * no bound, a burst (hundreds of sign-ins) makes every request that holds a pooled database connection wait, between
 * two statements, behind all the others for one of the node's cores, so the pool's ten connections stay taken and
 * requests time out waiting for one. Bounded here, a request that holds a connection waits behind a few others at
 * most, and a burst queues in front of the pool instead of inside it.
 * <p>
 * Static files, health probes and media (which may stream for minutes, or upload) are not counted.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestAdmission extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(RequestAdmission.class);

	private final Semaphore turns;
	private final int mostWaiting;
	private final long waitNanos;
	private final String retryAfter;
	private final ProblemResponses problems;
	private final MessageSource messages;

	RequestAdmission(@Value("${morsel.requests.concurrency}") int concurrency,
			@Value("${morsel.requests.waiting}") int mostWaiting, @Value("${morsel.requests.wait}") Duration wait,
			@Value("${morsel.requests.retry-after}") Duration retryAfter, ProblemResponses problems,
			MessageSource messages) {
		if (concurrency < 1 || mostWaiting < 0) {
			throw new IllegalStateException("morsel.requests.concurrency must be at least 1 and morsel.requests.waiting "
					+ "at least 0, not " + concurrency + " and " + mostWaiting);
		}
		this.mostWaiting = mostWaiting;
		// Fair: a request that came first is let in first, so none waits out its turn while later ones overtake it.
		this.turns = new Semaphore(concurrency, true);
		this.waitNanos = wait.toNanos();
		this.retryAfter = Long.toString(Math.max(1, retryAfter.toSeconds()));
		this.problems = problems;
		this.messages = messages;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		var uri = request.getRequestURI();
		return uri.startsWith("/static/") || uri.startsWith("/webjars/") || uri.startsWith("/actuator/health")
				|| uri.startsWith("/media/") || uri.startsWith("/api/v1/media");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean admitted;
		try {
			// A waiting request keeps its buffers and its thread's stack on the heap: beyond the bound, the node says
			// at once that it is busy rather than keeping more of them for the whole wait.
			admitted = turns.tryAcquire(0, TimeUnit.NANOSECONDS) || (turns.getQueueLength() < mostWaiting
					&& turns.tryAcquire(waitNanos, TimeUnit.NANOSECONDS));
		}
		catch (InterruptedException stopped) {
			Thread.currentThread().interrupt();
			admitted = false;
		}
		if (!admitted) {
			busy(request, response);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			turns.release();
		}
	}

	/** How many requests wait for their turn now (a gauge would read it; tests do). */
	int waiting() {
		return turns.getQueueLength();
	}

	private void busy(HttpServletRequest request, HttpServletResponse response) throws IOException {
		log.warn("{} {} answered 503: the node was busy (morsel.requests.concurrency working, morsel.requests.waiting "
				+ "waiting, or its turn did not come within morsel.requests.wait)", request.getMethod(),
				request.getRequestURI());
		response.setHeader(HttpHeaders.RETRY_AFTER, retryAfter);
		var locale = request.getLocale() == null ? Locale.ENGLISH : request.getLocale();
		var text = messages.getMessage("error.busy.text", null, "Morsel is busy; try again in a few seconds.",
				locale);
		if (request.getRequestURI().startsWith("/api/") || request.getRequestURI().startsWith("/actuator/")) {
			problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE.value(), ProblemTypes.BUSY,
					"problem.title.busy", text);
			return;
		}
		// A page of its own, not the layout: a node this busy should not render one (nor read a brand for it).
		var title = messages.getMessage("error.busy.title", null, "Morsel is busy", locale);
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setContentType("text/html;charset=UTF-8");
		var language = locale.getLanguage().isEmpty() ? "en" : locale.getLanguage();
		var page = "<!DOCTYPE html><html lang=\"" + HtmlUtils.htmlEscape(language) + "\"><head>"
				+ "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
				+ "<title>" + HtmlUtils.htmlEscape(title) + "</title></head><body><main><h1>"
				+ HtmlUtils.htmlEscape(title) + "</h1><p>" + HtmlUtils.htmlEscape(text) + "</p></main></body></html>";
		response.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
	}
}
