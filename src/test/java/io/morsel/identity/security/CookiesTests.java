package io.morsel.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Cookie names and attributes over HTTPS (prod) and plain HTTP (development). */
class CookiesTests {

	@Test
	void secureCookiesTakeTheHostPrefixWithoutDomainOnTheWholeSite() {
		var cookies = new Cookies(true);
		var response = new MockHttpServletResponse();

		cookies.write(new MockHttpServletRequest(), response, SignedSessions.COOKIE, "signed", null);
		cookies.write(new MockHttpServletRequest(), response, SessionCsrfTokens.COOKIE, "token", null);

		assertThat(response.getHeaders(HttpHeaders.SET_COOKIE)).satisfiesExactly(
				session -> assertThat(session).startsWith("__Host-MORSEL_SESSION=signed;")
					.contains("Path=/", "Secure", "HttpOnly")
					.doesNotContainIgnoringCase("Domain"),
				csrf -> assertThat(csrf).startsWith("__Host-MORSEL_CSRF=token;")
					.contains("Path=/", "Secure")
					.doesNotContainIgnoringCase("Domain"));
	}

	@Test
	void secureCookiesAreReadOnlyUnderTheirPrefixedName() {
		var cookies = new Cookies(true);
		var request = new MockHttpServletRequest();
		request.setCookies(new Cookie("MORSEL_SESSION", "planted"), new Cookie("__Host-MORSEL_SESSION", "signed"));

		assertThat(cookies.readAll(request, SignedSessions.COOKIE)).containsExactly("signed");
	}

	@Test
	void plainHttpKeepsTheBareNames() {
		var cookies = new Cookies(false);
		var request = new MockHttpServletRequest();
		request.setCookies(new Cookie("MORSEL_SESSION", "signed"));
		var response = new MockHttpServletResponse();

		cookies.write(request, response, SignedSessions.COOKIE, "fresh", null);

		assertThat(cookies.read(request, SignedSessions.COOKIE)).isEqualTo("signed");
		assertThat(response.getHeader(HttpHeaders.SET_COOKIE)).startsWith("MORSEL_SESSION=fresh;")
			.doesNotContain("Secure");
	}
}
