package io.morsel.identity.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * Morsel's own cookies: HTTP-only, same-site lax, for the whole site, secure where configured (prod) or on HTTPS.
 * Served over HTTPS ({@code morsel.sessions.secure-cookies=true}) each name takes the {@value #HOST_PREFIX} prefix, so a
 * browser accepts the cookie only from this very host, over HTTPS, for path {@code /} and without a domain: a
 * sibling subdomain or a plain-HTTP response cannot plant or overwrite a session or CSRF cookie (RFC 6265bis,
 * cookie prefixes). Plain HTTP in development keeps the bare names.
 */
@Component
class Cookies {

	static final String HOST_PREFIX = "__Host-";

	private final boolean secure;

	Cookies(@Value("${morsel.sessions.secure-cookies}") boolean secure) {
		this.secure = secure;
	}

	/** The name a cookie is sent under here. */
	String named(String name) {
		return secure ? HOST_PREFIX + name : name;
	}

	@Nullable
	String read(HttpServletRequest request, String name) {
		var all = readAll(request, name);
		return all.isEmpty() ? null : all.getFirst();
	}

	/** Every value sent under this name (a client may send an old and a new one), unquoted. */
	List<String> readAll(HttpServletRequest request, String name) {
		var all = request.getCookies();
		if (all == null) {
			return List.of();
		}
		var sent = named(name);
		var values = new ArrayList<String>(1);
		for (Cookie cookie : all) {
			var value = cookie.getValue();
			if (value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")) {
				value = value.substring(1, value.length() - 1);
			}
			if (cookie.getName().equals(sent) && !value.isEmpty()) {
				values.add(value);
			}
		}
		return values;
	}

	/** Sets the cookie for the browser's session, or for {@code maxAge} when given. */
	void write(HttpServletRequest request, HttpServletResponse response, String name, String value,
			@Nullable Duration maxAge) {
		var cookie = ResponseCookie.from(named(name), value)
			.path("/")
			.httpOnly(true)
			.sameSite("Lax")
			.secure(secure || request.isSecure());
		if (maxAge != null) {
			cookie.maxAge(maxAge);
		}
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.build().toString());
	}

	void clear(HttpServletRequest request, HttpServletResponse response, String name) {
		write(request, response, name, "", Duration.ZERO);
	}
}
