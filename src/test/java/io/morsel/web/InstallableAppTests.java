package io.morsel.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * Morsel installs to a home screen: every page links a web app manifest whose icons exist at the sizes it names, and
 * a service worker served from the root, for the whole site, asked for again by browsers. No inline script comes with
 * it: the Content Security Policy still allows scripts from the site's own files alone.
 */
@MorselIntegrationTest
class InstallableAppTests {

	private static final Pattern MANIFEST_LINK = Pattern.compile("<link rel=\"manifest\" href=\"/manifest.webmanifest\">");
	private static final Pattern OFFLINE_SCRIPT = Pattern.compile("<script src=\"(/static/js/offline-[0-9a-f]{32}\\.js)\" defer>");
	private static final Pattern HASHED_CSS = Pattern.compile("href=\"(/static/css/morsel-[0-9a-f]{32}\\.css)\"");

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Test
	void everyPageLinksTheManifestTheThemeColourAndTheScriptThatRegistersTheWorker() throws Exception {
		var page = get("/sign-in");

		assertThat(page.body()).containsPattern(MANIFEST_LINK).contains("<meta name=\"theme-color\" content=\"#1f5f8b\">")
			.containsPattern(OFFLINE_SCRIPT);
		assertThat(page.body()).as("no inline script").doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>");
		assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
			.contains("script-src 'self';").doesNotContain("unsafe-inline'; object", "unsafe-eval"));
		var script = OFFLINE_SCRIPT.matcher(page.body());
		assertThat(script.find()).isTrue();
		var offline = get(script.group(1));
		assertThat(offline.statusCode()).isEqualTo(200);
		assertThat(offline.body()).contains("navigator.serviceWorker.register('/sw.js', { scope: '/' })");
	}

	@Test
	void theManifestInstallsMorselStartingAtTodayWithIconsOfTheSizesItNames() throws Exception {
		var response = get("/manifest.webmanifest");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/manifest+json"));
		var manifest = json.readTree(response.body());
		assertThat(manifest.get("name").asString()).isEqualTo("Morsel");
		assertThat(manifest.get("start_url").asString()).isEqualTo("/today");
		assertThat(manifest.get("scope").asString()).isEqualTo("/");
		assertThat(manifest.get("display").asString()).isEqualTo("standalone");
		assertThat(manifest.get("theme_color").asString()).isEqualTo("#1f5f8b");
		var sizes = new java.util.HashSet<String>();
		for (var icon : manifest.get("icons")) {
			var file = getBytes(icon.get("src").asString());
			assertThat(file.statusCode()).as(icon.get("src").asString()).isEqualTo(200);
			assertThat(file.headers().firstValue("Content-Type")).hasValue(icon.get("type").asString());
			if (icon.get("type").asString().equals("image/png")) {
				var image = ImageIO.read(new ByteArrayInputStream(file.body()));
				assertThat(image.getWidth() + "x" + image.getHeight()).isEqualTo(icon.get("sizes").asString());
				sizes.add(icon.get("sizes").asString() + " " + icon.get("purpose").asString());
			}
		}
		assertThat(sizes).contains("192x192 any", "512x512 any", "512x512 maskable");
	}

	@Test
	void theWorkerIsServedFromTheRootForTheWholeSiteAndNamesTheShellByContentHash() throws Exception {
		var worker = get("/sw.js");

		assertThat(worker.statusCode()).isEqualTo(200);
		assertThat(worker.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("text/javascript"));
		assertThat(worker.headers().firstValue("Service-Worker-Allowed")).hasValue("/");
		assertThat(worker.headers().firstValue("Cache-Control")).hasValueSatisfying(
				cache -> assertThat(cache).contains("no-cache").doesNotContain("immutable"));
		var css = HASHED_CSS.matcher(get("/sign-in").body());
		assertThat(css.find()).isTrue();
		assertThat(worker.body()).contains("\"" + css.group(1) + "\"").doesNotContain("/*SHELL*/", "/*VERSION*/");

		var again = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/sw.js"))
			.header("If-None-Match", worker.headers().firstValue("ETag").orElseThrow()).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(again.statusCode()).isEqualTo(304);
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(path)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}
}
