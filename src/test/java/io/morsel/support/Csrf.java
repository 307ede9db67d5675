package io.morsel.support;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * A form's CSRF token for MockMvc requests, as the page the form came from would have rendered it: for a signed-in
 * request the token of its session, otherwise a token in the {@code MORSEL_CSRF} cookie; in the {@code _csrf} field,
 * masked as Spring Security renders it. Apply it after {@code authentication(...)}, which signs the request in.
 * <p>
 * Use this instead of Spring Security's {@code SecurityMockMvcRequestPostProcessors.csrf()}: that one swaps the
 * CSRF filter's repository for a session-based one in the shared application context, and every real HTTP request
 * after it (browser journeys, other nodes) would then be checked against the wrong tokens.
 */
public final class Csrf {

	private static final SecureRandom RANDOM = new SecureRandom();

	private Csrf() {
	}

	public static RequestPostProcessor csrf() {
		return request -> {
			var tokens = WebApplicationContextUtils.getRequiredWebApplicationContext(request.getServletContext())
				.getBean(CsrfTokenRepository.class);
			var token = tokens.loadToken(request);
			if (token == null) {
				token = tokens.generateToken(request);
				var cookies = request.getCookies() == null ? new Cookie[0] : request.getCookies();
				var all = Arrays.copyOf(cookies, cookies.length + 1);
				all[cookies.length] = new Cookie("MORSEL_CSRF", token.getToken());
				request.setCookies(all);
			}
			request.setParameter(token.getParameterName(), masked(token.getToken()));
			return request;
		};
	}

	/** Random bytes, then the token XOR those bytes, in Base64: Spring Security's protection against BREACH. */
	private static String masked(String token) {
		var bytes = token.getBytes(StandardCharsets.UTF_8);
		var random = new byte[bytes.length];
		RANDOM.nextBytes(random);
		var combined = new byte[bytes.length * 2];
		System.arraycopy(random, 0, combined, 0, bytes.length);
		for (int i = 0; i < bytes.length; i++) {
			combined[bytes.length + i] = (byte) (random[i] ^ bytes[i]);
		}
		return Base64.getUrlEncoder().encodeToString(combined);
	}
}
