package io.morsel;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;

/**
 * The build's training run for the AOT cache that {@code bin/morsel} starts with (ADR 0022): once the node takes
 * traffic, it serves what a first visitor asks for (the sign-in page, a sign-in, Today and a lesson)
 * over real HTTP, then stops the JVM, which writes the cache. The classes of the first pages (Thymeleaf, Spring MVC and
 * Security on a request, the templates' code) are then in the cache too, loaded and linked, with their profiles, rather
 * than only those of the context's refresh. On only where the build sets {@code morsel.aot.training}.
 */
class AotTraining {

	private static final Logger log = LoggerFactory.getLogger(AotTraining.class);

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern LESSON_LINK = Pattern.compile("href=\"(/lessons/[0-9a-f-]{36})\"");

	private final ApplicationContext context;

	AotTraining(ApplicationContext context) {
		this.context = context;
	}

	/** After every listener of the ready event (the demo seeders among them), as the first visitors come. */
	@EventListener
	void train(AvailabilityChangeEvent<ReadinessState> change) {
		if (change.getState() != ReadinessState.ACCEPTING_TRAFFIC) {
			return;
		}
		try {
			var port = ((WebServerApplicationContext) context).getWebServer().getPort();
			visit(URI.create("http://localhost:" + port));
		}
		catch (Exception failed) {
			// A cache trained on less still starts the node faster than none: the build goes on and says why.
			log.warn("The AOT training run could not visit the first pages: {}", failed.toString());
		}
		System.exit(SpringApplication.exit(context));
	}

	private static void visit(URI base) throws Exception {
		var browser = new Browser(base);
		var signIn = browser.get("/sign-in");
		browser.post("/sign-in", Map.of("email", "learner@acme.test", "password", "morsel-demo", "_csrf",
				csrf(signIn)));
		var today = browser.get("/today");
		var lesson = LESSON_LINK.matcher(today);
		if (lesson.find()) {
			browser.get(lesson.group(1));
		}
		browser.get("/today");
	}

	private static String csrf(String page) {
		var token = CSRF.matcher(page);
		if (!token.find()) {
			throw new IllegalStateException("The sign-in page has no CSRF token");
		}
		return token.group(1);
	}

	/** A visitor's cookies, kept as a browser keeps them. */
	private static final class Browser {

		private final HttpClient http = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();

		private final URI base;

		private final Map<String, String> cookies = new LinkedHashMap<>();

		Browser(URI base) {
			this.base = base;
		}

		String get(String path) throws Exception {
			return send(HttpRequest.newBuilder(base.resolve(path)).GET());
		}

		String post(String path, Map<String, String> form) throws Exception {
			var body = new StringBuilder();
			form.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
				.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
				.append('=')
				.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
			return send(HttpRequest.newBuilder(base.resolve(path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body.toString())));
		}

		private String send(HttpRequest.Builder request) throws Exception {
			if (!cookies.isEmpty()) {
				var header = new StringBuilder();
				cookies.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ")
					.append(name)
					.append('=')
					.append(value));
				request.header("Cookie", header.toString());
			}
			var response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() >= 400) {
				throw new IllegalStateException(response.uri().getPath() + " answered " + response.statusCode());
			}
			for (var set : response.headers().allValues("Set-Cookie")) {
				var pair = set.split(";", 2)[0];
				var equals = pair.indexOf('=');
				if (equals > 0) {
					cookies.put(pair.substring(0, equals), pair.substring(equals + 1));
				}
			}
			return response.body();
		}
	}
}
