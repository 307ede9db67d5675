package io.morsel.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Pages answer errors with pages in Morsel's own layout, not with a stack trace or JSON. */
@MorselIntegrationTest
class ErrorPagesTests {

	@LocalServerPort
	int port;

	@Test
	void missingPagesAndForbiddenPagesKeepTheLayout() throws Exception {
		var browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
		var base = "http://localhost:" + port;
		var form = browser.send(HttpRequest.newBuilder(URI.create(base + "/sign-in")).build(), HttpResponse.BodyHandlers.ofString());
		var csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
		assertThat(csrf.find()).isTrue();
		browser.send(HttpRequest.newBuilder(URI.create(base + "/sign-in"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("email=learner%40globex.test&password=morsel-demo&_csrf=" + csrf.group(1)))
			.build(), HttpResponse.BodyHandlers.ofString());

		var missing = browser.send(HttpRequest.newBuilder(URI.create(base + "/no/such/page")).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
		var forbidden = browser.send(HttpRequest.newBuilder(URI.create(base + "/admin")).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("<h1>Not found</h1>", "aria-label=\"Main\"", "Sign out");
		assertThat(forbidden.statusCode()).isEqualTo(403);
		assertThat(forbidden.body()).contains("<h1>Not allowed</h1>", "aria-label=\"Main\"");
	}

	@Test
	void aModulesRefusalOnAPageKeepsTheLayoutAndItsStatus() throws Exception {
		var browser = signedIn("author%40globex.test");

		var missing = browser.send(HttpRequest.newBuilder(URI.create(base() + "/studio/lessons/" + UUID.randomUUID()))
			.header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());

		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("<h1>Not found</h1>", "aria-label=\"Main\"");
	}

	private String base() {
		return "http://localhost:" + port;
	}

	private HttpClient signedIn(String email) throws Exception {
		var browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
		var form = browser.send(HttpRequest.newBuilder(URI.create(base() + "/sign-in")).build(),
				HttpResponse.BodyHandlers.ofString());
		var csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
		assertThat(csrf.find()).isTrue();
		browser.send(HttpRequest.newBuilder(URI.create(base() + "/sign-in"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("email=" + email + "&password=morsel-demo&_csrf=" + csrf.group(1)))
			.build(), HttpResponse.BodyHandlers.ofString());
		return browser;
	}
}
