package io.morsel.identity.security;

import io.morsel.shared.Caches;
import com.github.benmanes.caffeine.cache.Cache;
import io.morsel.identity.internal.SigningKeys;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.stereotype.Component;

/**
 * CSRF tokens without server state. A signed-in request's token is an HMAC-SHA256 of its session's id under a key
 * every node shares, so it cannot be made without the key and changes with every sign-in. Before sign-in (the
 * sign-in and password forms) the token is a random value kept in the {@value #COOKIE} cookie and sent back with the
 * form (double submit). Spring Security still masks every token it renders (BREACH).
 */
@Component
class SessionCsrfTokens implements CsrfTokenRepository {

	static final String COOKIE = "MORSEL_CSRF";
	private static final String HEADER = "X-CSRF-TOKEN";
	private static final String PARAMETER = "_csrf";

	private final Cookies cookies;
	private final SecretKeySpec key;
	/** A session's token never changes, so a node computes it once (a request that renders a form needs it). */
	private final Cache<UUID, String> ofSession;

	SessionCsrfTokens(Cookies cookies, SigningKeys keys, Caches caches) {
		this.cookies = cookies;
		this.ofSession = caches.named("session-csrf-tokens");
		this.key = new SecretKeySpec(keys.key("csrf"), "HmacSHA256");
	}

	@Override
	public CsrfToken generateToken(HttpServletRequest request) {
		var session = SignedSessions.current(request);
		return token(session == null ? UUID.randomUUID().toString() : of(session.id()));
	}

	@Override
	public void saveToken(@Nullable CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
		var session = SignedSessions.current(request);
		if (token == null) {
			if (cookies.read(request, COOKIE) != null) {
				cookies.clear(request, response, COOKIE);
			}
		}
		else if (session == null || !MessageDigest.isEqual(bytes(token.getToken()), bytes(of(session.id())))) {
			cookies.write(request, response, COOKIE, token.getToken(), null);
		}
	}

	@Override
	public @Nullable CsrfToken loadToken(HttpServletRequest request) {
		var session = SignedSessions.current(request);
		if (session != null) {
			return token(of(session.id()));
		}
		var value = cookies.read(request, COOKIE);
		return value == null ? null : token(value);
	}

	private String of(UUID session) {
		return ofSession.get(session, this::mac);
	}

	private String mac(UUID session) {
		try {
			var mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			// 216 of the 256 bits: 36 characters, whose masked form (Spring Security's XOR against as many random
			// bytes) needs no Base64 padding, so pages carry it without an escaped '='.
			return Base64.getUrlEncoder().encodeToString(Arrays.copyOf(mac.doFinal(bytes("csrf:" + session)), 27));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Every Java platform provides HmacSHA256", e);
		}
	}

	private static CsrfToken token(String value) {
		return new DefaultCsrfToken(HEADER, PARAMETER, value);
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}
}
