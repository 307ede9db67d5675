package io.morsel.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.shared.ProblemResponses;
import jakarta.servlet.FilterChain;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests beyond the node's concurrency wait their turn and, after the wait, are answered 503 with Retry-After, as
 * the page or the problem detail; they are let in as soon as a turn is free. Static files and health probes never
 * wait. (The limit of one request at a time is this test's; the node's is in application.properties.)
 */
class RequestAdmissionTests {

	private final StaticMessageSource messages = new StaticMessageSource();
	private final RequestAdmission admission;
	private final CountDownLatch release = new CountDownLatch(1);
	private final CountDownLatch entered = new CountDownLatch(1);
	private final java.util.concurrent.ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

	RequestAdmissionTests() {
		messages.addMessage("error.busy.title", Locale.ENGLISH, "Morsel is busy");
		messages.addMessage("error.busy.text", Locale.ENGLISH, "Many people are using Morsel at this moment.");
		messages.addMessage("problem.title.busy", Locale.ENGLISH, "Busy");
		admission = new RequestAdmission(1, 10, Duration.ofMillis(300), Duration.ofSeconds(2),
				new ProblemResponses(JsonMapper.builder().build(), messages), messages);
	}

	@AfterEach
	void stop() {
		release.countDown();
		threads.shutdownNow();
	}

	@Test
	void aRequestBeyondTheLimitWaitsThenIsAnsweredBusyWithRetryAfter() throws Exception {
		occupyTheOnlyTurn();

		var page = send("GET", "/today");
		var api = send("GET", "/api/v1/me");

		assertThat(page.response.getStatus()).isEqualTo(503);
		assertThat(page.response.getHeader("Retry-After")).isEqualTo("2");
		assertThat(page.response.getContentAsString()).contains("Morsel is busy",
				"Many people are using Morsel at this moment.");
		assertThat(page.handled).isFalse();
		assertThat(api.response.getStatus()).isEqualTo(503);
		assertThat(api.response.getHeader("Retry-After")).isEqualTo("2");
		assertThat(api.response.getContentType()).isEqualTo("application/problem+json");
		assertThat(api.response.getContentAsString()).contains("\"type\":\"/problems/busy\"");
		assertThat(api.handled).isFalse();
	}

	@Test
	void aWaitingRequestIsLetInOnceTheTurnIsFreeAndNoMoreWaitThanTheBound() throws Exception {
		var patient = new RequestAdmission(1, 1, Duration.ofSeconds(30), Duration.ofSeconds(2),
				new ProblemResponses(JsonMapper.builder().build(), messages), messages);
		var first = threads.submit(() -> send(patient, "GET", "/lessons/1", release));
		assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
		var second = threads.submit(() -> send(patient, "GET", "/today", null));

		var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (patient.waiting() == 0 && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		assertThat(patient.waiting()).isEqualTo(1);
		// One waits already, as many as may: the next is answered at once, not after the thirty seconds' wait.
		var turnedAway = send(patient, "GET", "/today", null);
		assertThat(turnedAway.response.getStatus()).isEqualTo(503);
		assertThat(turnedAway.handled).isFalse();
		assertThat(second.isDone()).isFalse();
		release.countDown();

		assertThat(first.get(30, TimeUnit.SECONDS).handled).isTrue();
		assertThat(second.get(30, TimeUnit.SECONDS).handled).isTrue();
		assertThat(second.get().response.getStatus()).isEqualTo(200);
	}

	@Test
	void staticFilesAndHealthProbesNeverWait() throws Exception {
		occupyTheOnlyTurn();

		assertThat(send("GET", "/static/morsel-1.css").handled).isTrue();
		assertThat(send("GET", "/actuator/health/readiness").handled).isTrue();
		assertThat(send("GET", "/media/0b8a1f52-7ad5-4b4e-8a0e-5a1c3f0f1b9e").handled).isTrue();
	}

	/** A request that holds the only turn until the test ends. */
	private void occupyTheOnlyTurn() throws Exception {
		threads.submit(() -> send(admission, "GET", "/lessons/1", release));
		assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
	}

	private Sent send(String method, String uri) throws Exception {
		return send(admission, method, uri, null);
	}

	private Sent send(RequestAdmission filter, String method, String uri, CountDownLatch holdUntil) throws Exception {
		var request = new MockHttpServletRequest(method, uri);
		request.addPreferredLocale(Locale.ENGLISH);
		var response = new MockHttpServletResponse();
		var sent = new Sent(response);
		FilterChain chain = (req, res) -> {
			sent.handled = true;
			if (holdUntil != null) {
				entered.countDown();
				try {
					holdUntil.await();
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}
		};
		filter.doFilter(request, response, chain);
		return sent;
	}

	private static final class Sent {

		final MockHttpServletResponse response;
		volatile boolean handled;

		Sent(MockHttpServletResponse response) {
			this.response = response;
		}
	}
}
