package io.morsel.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Someone at a browser over real HTTP, signed in or not, who may also send what no browser would: any method, any
 * content type, raw bytes. Keeps cookies, does not follow redirects, and sends a CSRF token of its own session with
 * every form, so that only the input under test can be refused.
 */
public final class Visitor {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String base;
	private final HttpClient http;
	private String csrf;

	private Visitor(int port) {
		this.base = "http://localhost:" + port;
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/** A visitor who has not signed in. */
	public static Visitor anonymous(int port) {
		return new Visitor(port);
	}

	/** A visitor signed in with a demo account (password morsel-demo). */
	public static Visitor signedIn(int port, String email) {
		return signedIn(port, email, "morsel-demo");
	}

	/** A visitor signed in with the account's password. */
	public static Visitor signedIn(int port, String email, String password) {
		var visitor = new Visitor(port);
		var answer = visitor.form("/sign-in", Map.of("email", email, "password", password));
		if (answer.statusCode() != 302 || !answer.headers().firstValue("Location").orElse("").endsWith("/")) {
			throw new IllegalStateException("Sign-in of " + email + " refused: " + answer.headers().map());
		}
		visitor.csrf = null;
		return visitor;
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	/** A form post (URL-encoded), with this session's CSRF token; a value may be an iterable for repeated fields. */
	public HttpResponse<String> form(String path, Map<String, ?> fields) {
		var body = new ArrayList<String>();
		withToken(fields).forEach((name, value) -> {
			var values = value instanceof Iterable<?> many ? many : List.of(value);
			for (var one : values) {
				body.add(encode(name) + "=" + encode(String.valueOf(one)));
			}
		});
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(String.join("&", body))));
	}

	/** A multipart form post: fields, plus one file under {@code fileField} (skipped when its name is null). */
	public HttpResponse<String> multipart(String path, Map<String, ?> fields, String fileField, String fileName,
			byte[] content) {
		var boundary = "morsel" + UUID.randomUUID().toString().replace("-", "");
		var body = new ByteArrayOutputStream();
		withToken(fields).forEach((name, value) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\""
				+ name + "\"\r\n\r\n" + value + "\r\n"));
		if (fileField != null) {
			write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
					+ fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
			body.writeBytes(content);
			write(body, "\r\n");
		}
		write(body, "--" + boundary + "--\r\n");
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	/** A multipart upload of one file (field {@code file}) to the API, with a bearer token (none when null). */
	public HttpResponse<String> multipartWithToken(String path, String token, String fileName, byte[] content) {
		var boundary = "morsel" + UUID.randomUUID().toString().replace("-", "");
		var body = new ByteArrayOutputStream();
		write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
		body.writeBytes(content);
		write(body, "\r\n--" + boundary + "--\r\n");
		var request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(request);
	}

	/** Any request at all: any method, content type (none when null) and body. */
	public HttpResponse<String> send(String method, String path, String contentType, String body, String token) {
		var request = HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.ofString(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(request);
	}

	/** This session's CSRF token, as any page's form carries it. */
	public String csrfToken() {
		if (csrf == null) {
			var token = CSRF.matcher(get("/password/forgot").body());
			if (!token.find()) {
				throw new IllegalStateException("No CSRF token on /password/forgot");
			}
			csrf = token.group(1);
		}
		return csrf;
	}

	private Map<String, Object> withToken(Map<String, ?> fields) {
		var all = new LinkedHashMap<String, Object>(fields);
		all.putIfAbsent("_csrf", csrfToken());
		return all;
	}

	private URI uri(String path) {
		return URI.create(base + path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
