package io.morsel.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every page tells the browser what it may do; static files are named for their content and cached for a year. */
@MorselIntegrationTest
class SecurityHeadersTests {

	private static final Pattern HASHED_CSS = Pattern.compile("href=\"(/static/css/morsel-[0-9a-f]{32}\\.css)\"");

	@LocalServerPort
	int port;

	@Test
	void everyPageSendsReferrerAndPermissionsPolicies() throws Exception {
		var page = get("/sign-in");

		assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
		assertThat(page.headers().firstValue("Permissions-Policy")).hasValueSatisfying(
				policy -> assertThat(policy).contains("camera=()", "microphone=()", "geolocation=()"));
		assertThat(page.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying(policy -> assertThat(policy).contains("media-src 'self'"));
	}

	@Test
	void pagesLinkStaticFilesByContentHashAndThoseAreCachedForAYear() throws Exception {
		var page = get("/sign-in");
		var link = HASHED_CSS.matcher(page.body());

		assertThat(link.find()).as("a content-hashed stylesheet link in %s", page.body()).isTrue();
		var css = get(link.group(1));
		assertThat(css.statusCode()).isEqualTo(200);
		assertThat(css.headers().firstValue("Cache-Control")).hasValueSatisfying(
				cache -> assertThat(cache).contains("max-age=31536000", "immutable").doesNotContain("no-store"));
		assertThat(css.body()).isNotBlank();
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
	}
}
