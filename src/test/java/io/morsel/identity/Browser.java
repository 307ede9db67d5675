package io.morsel.identity;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
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
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A person's browser against the running application over real HTTP: it keeps the session cookie, does not follow
 * redirects (tests assert where they lead), and sends the CSRF token a page of the same session rendered, as a form
 * would.
 */
final class Browser {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String base;
	private final CookieManager cookies = new CookieManager();
	private final HttpClient http;
	private final @Nullable String address;

	Browser(int port) {
		this(port, null);
	}

	private Browser(int port, @Nullable String address) {
		this.base = "http://localhost:" + port;
		this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
		this.address = address;
	}

	/**
	 * A browser at this client address: it reaches Morsel through a proxy Tomcat trusts (loopback), which names the
	 * address in {@code X-Forwarded-For}.
	 */
	static Browser at(int port, String address) {
		return new Browser(port, address);
	}

	/** The client address this browser claims, if any. */
	@Nullable String address() {
		return address;
	}

	/** A browser that has signed in; fails when the sign-in is refused. */
	static Browser signedIn(int port, String email, String password) {
		var browser = new Browser(port);
		var answer = browser.signIn(email, password);
		if (!"/".equals(answer.location())) {
			throw new IllegalStateException("Sign-in of " + email + " refused: " + answer.location());
		}
		return browser;
	}

	/** An answer: its status, where it redirects to (path and query, or null), and its body. */
	record Page(int status, String location, String body) {
	}

	Page signIn(String email, String password) {
		return post("/sign-in", Map.of("email", email, "password", password));
	}

	Page get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
	}

	/** Follows redirects from this path, as a browser would, to the page that is finally shown. */
	Page open(String path) {
		var page = get(path);
		for (int hops = 0; page.location() != null && hops < 5; hops++) {
			page = get(page.location());
		}
		return page;
	}

	/** Submits a form with a CSRF token from this session, as any page's form carries one. */
	Page post(String path, Map<String, ?> fields) {
		var withToken = new LinkedHashMap<String, Object>(fields);
		withToken.put("_csrf", csrfToken());
		return postWithoutCsrf(path, withToken);
	}

	/** Submits a form as a forged cross-site request would: without the CSRF token. */
	Page postWithoutCsrf(String path, Map<String, ?> fields) {
		var body = new ArrayList<String>();
		fields.forEach((name, value) -> {
			var values = value instanceof Iterable<?> many ? many : List.of(value);
			for (var one : values) {
				body.add(encode(name) + "=" + encode(String.valueOf(one)));
			}
		});
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(String.join("&", body))));
	}

	/** The session cookie, to replay it from elsewhere. */
	String sessionCookie() {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals("MORSEL_SESSION"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElseThrow();
	}

	/** Every value this browser keeps under the cookie's name (one it was given, one the server set). */
	List<String> cookies(String name) {
		return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
			.map(HttpCookie::getValue).toList();
	}

	/** The names of every cookie this browser keeps. */
	List<String> cookieNames() {
		return cookies.getCookieStore().getCookies().stream().map(HttpCookie::getName).toList();
	}

	/** A fresh browser presenting someone else's session cookie. */
	static Browser withSessionCookie(int port, String session) {
		var browser = new Browser(port);
		var cookie = new HttpCookie("MORSEL_SESSION", session);
		cookie.setPath("/");
		cookie.setVersion(0);
		browser.cookies.getCookieStore().add(URI.create(browser.base), cookie);
		return browser;
	}

	/** The password reset request page renders a form for everyone, signed in or not. */
	private String csrfToken() {
		var page = get("/password/forgot");
		var token = CSRF.matcher(page.body());
		if (!token.find()) {
			throw new IllegalStateException("No CSRF token on /password/forgot: " + page);
		}
		return token.group(1);
	}

	private Page send(HttpRequest.Builder request) {
		if (address != null) {
			request.header("X-Forwarded-For", address);
		}
		try {
			var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			var location = response.headers().firstValue("Location").map(this::pathOf).orElse(null);
			return new Page(response.statusCode(), location, response.body());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private String pathOf(String location) {
		return location.startsWith(base) ? location.substring(base.length()) : location;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
