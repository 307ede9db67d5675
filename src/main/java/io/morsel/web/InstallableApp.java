package io.morsel.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import tools.jackson.databind.json.JsonMapper;

/**
 * What makes Morsel an app a phone installs: the web app manifest and the service worker, both at the site's root so
 * that the worker's scope is the whole site (ADR 0033). Both are made once, on their first request, with the
 * content-hashed names of the static files they name (StaticFiles), so a release that changes a file changes the
 * worker's bytes, which is how browsers notice a new worker and drop the old caches. Browsers ask for both again
 * ({@code no-cache}) and get a 304 while they are unchanged.
 */
@Controller
class InstallableApp {

	static final MediaType MANIFEST = MediaType.parseMediaType("application/manifest+json");

	static final MediaType SCRIPT = MediaType.parseMediaType("text/javascript;charset=UTF-8");

	/** What the worker keeps when it is installed, so that a lesson read offline has its styles and scripts. */
	private static final List<String> SHELL = List.of("/static/css/morsel.css", "/static/js/offline.js",
			"/static/js/player.js", "/static/js/media-sync.js", "/static/js/ordering.js", "/static/img/morsel.svg",
			"/webjars/htmx.org/dist/htmx.min.js");

	private final ResourceUrlProvider urls;
	private final JsonMapper json;
	private volatile @Nullable String manifest;
	private volatile @Nullable String worker;

	InstallableApp(ResourceUrlProvider mvcResourceUrlProvider, JsonMapper json) {
		this.urls = mvcResourceUrlProvider;
		this.json = json;
	}

	@GetMapping("/manifest.webmanifest")
	ResponseEntity<String> manifest(WebRequest request) {
		var made = manifest;
		if (made == null) {
			made = manifest = json.writeValueAsString(manifestFields());
		}
		if (request.checkNotModified(etag(made))) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).cacheControl(CacheControl.noCache()).build();
		}
		return ResponseEntity.ok().contentType(MANIFEST).cacheControl(CacheControl.noCache()).eTag(etag(made))
			.body(made);
	}

	/**
	 * The service worker. Served from the root, its scope is the whole site without asking for more; the header
	 * says so anyway, for a browser that registers it from a page below.
	 */
	@GetMapping("/sw.js")
	ResponseEntity<String> worker(WebRequest request) {
		var made = worker;
		if (made == null) {
			var shell = SHELL.stream().map(this::hashed).toList();
			made = worker = read("install/sw.js").replace("/*SHELL*/[]", json.writeValueAsString(shell))
				.replace("/*VERSION*/'0'", "'" + Integer.toHexString(shell.hashCode()) + "'");
		}
		if (request.checkNotModified(etag(made))) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).cacheControl(CacheControl.noCache())
				.header("Service-Worker-Allowed", "/")
				.build();
		}
		return ResponseEntity.ok().contentType(SCRIPT).cacheControl(CacheControl.noCache()).eTag(etag(made))
			.header("Service-Worker-Allowed", "/")
			.body(made);
	}

	private Map<String, Object> manifestFields() {
		var fields = new LinkedHashMap<String, Object>();
		fields.put("id", "/today");
		fields.put("name", "Morsel");
		fields.put("short_name", "Morsel");
		fields.put("description", "Learn a little, remember it, prove it.");
		fields.put("start_url", "/today");
		fields.put("scope", "/");
		fields.put("display", "standalone");
		fields.put("orientation", "any");
		fields.put("theme_color", "#1f5f8b");
		fields.put("background_color", "#f3f6f9");
		fields.put("icons", List.of(
				icon("/static/img/icon-192.png", "192x192", "image/png", "any"),
				icon("/static/img/icon-512.png", "512x512", "image/png", "any"),
				icon("/static/img/icon-512.png", "512x512", "image/png", "maskable"),
				icon("/static/img/morsel.svg", "any", "image/svg+xml", "any")));
		return fields;
	}

	private Map<String, String> icon(String path, String sizes, String type, String purpose) {
		return Map.of("src", hashed(path), "sizes", sizes, "type", type, "purpose", purpose);
	}

	private String hashed(String path) {
		var url = urls.getForLookupPath(path);
		return url == null ? path : url;
	}

	private static String etag(String body) {
		return "\"" + Integer.toHexString(body.hashCode()) + "\"";
	}

	private static String read(String path) {
		try (var in = new ClassPathResource(path).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
