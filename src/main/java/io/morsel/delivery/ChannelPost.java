package io.morsel.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * One HTTP POST of a JSON message to a channel, and what its answer means: delivered; worth another try later (a
 * timeout, no connection, 408, 429 with its {@code Retry-After}, a 5xx, Slack's {@code ratelimited}); or refused for
 * good (any other 4xx, any other Slack error), which makes a dead letter at once: trying again cannot help.
 */
final class ChannelPost {

	/** How a post went. */
	sealed interface Outcome {
	}

	record Delivered() implements Outcome {
	}

	/** Try again; after {@code retryAfter} when the receiver said so. */
	record Retry(String error, @Nullable Duration retryAfter) implements Outcome {
	}

	record Refused(String error) implements Outcome {
	}

	private final HttpClient http;
	private final Duration timeout;
	private final JsonMapper json;
	private final Backoff backoff;

	ChannelPost(HttpClient http, Duration timeout, JsonMapper json, Backoff backoff) {
		this.http = http;
		this.timeout = timeout;
		this.json = json;
		this.backoff = backoff;
	}

	/**
	 * Posts the body to the address with these headers.
	 *
	 * @param slackApi the answer is Slack Web API's: a 200 carries {@code ok} and {@code error}
	 */
	Outcome post(String address, String body, Map<String, String> headers, boolean slackApi) {
		HttpRequest request;
		try {
			var builder = HttpRequest.newBuilder(URI.create(address))
				.timeout(timeout)
				.header("Content-Type", "application/json; charset=utf-8")
				.POST(HttpRequest.BodyPublishers.ofString(body));
			headers.forEach(builder::header);
			request = builder.build();
		}
		catch (IllegalArgumentException malformed) {
			return new Refused("Not an address to post to: " + address);
		}
		HttpResponse<String> response;
		try {
			response = http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (HttpTimeoutException timedOut) {
			return new Retry("No answer within " + timeout.toSeconds() + " s", null);
		}
		catch (IOException unreachable) {
			return new Retry("Could not reach " + request.uri().getHost() + ": " + unreachable, null);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			return new Retry("Interrupted while posting", null);
		}
		var status = response.statusCode();
		if (status == 429) {
			var header = response.headers().firstValue("Retry-After").orElse(null);
			return new Retry("429 Too Many Requests", backoff.retryAfter(header, java.time.Instant.now()).orElse(null));
		}
		if (status == 408 || status >= 500) {
			return new Retry("HTTP " + status, null);
		}
		if (status >= 300) {
			return new Refused("HTTP " + status + ": " + snippet(response.body()));
		}
		return slackApi ? slackAnswer(response.body()) : new Delivered();
	}

	private Outcome slackAnswer(String body) {
		try {
			var answer = json.readTree(body);
			if (answer.path("ok").asBoolean(false)) {
				return new Delivered();
			}
			var error = answer.path("error").asString("unknown error");
			return "ratelimited".equals(error) ? new Retry("Slack: ratelimited", null) : new Refused("Slack: " + error);
		}
		catch (RuntimeException notJson) {
			return new Retry("Slack answered something other than JSON: " + snippet(body), null);
		}
	}

	private static String snippet(@Nullable String body) {
		var text = Optional.ofNullable(body).orElse("").strip();
		return text.length() > 200 ? text.substring(0, 200) + "..." : text;
	}
}
