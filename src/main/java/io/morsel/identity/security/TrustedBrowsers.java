package io.morsel.identity.security;

import io.morsel.identity.CurrentMember;
import io.morsel.identity.UserId;
import io.morsel.identity.internal.SignInClient;
import io.morsel.identity.internal.SignInClient.TrustedDevice;
import io.morsel.identity.internal.SigningKeys;
import io.morsel.identity.internal.Throttles;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.stereotype.Component;

/**
 * OWASP's device cookie: a browser that signed in successfully gets {@value #COOKIE}, naming the person and a random
 * id of its own, signed with HMAC-SHA256 under a key every node shares. While an account is locked against unknown
 * browsers, one carrying such a cookie for it may still sign in; its own failures are counted apart
 * ({@link io.morsel.identity.internal.SignInThrottle}).
 */
@Component
class TrustedBrowsers implements AuthenticationDetailsSource<HttpServletRequest, SignInClient> {

	static final String COOKIE = "MORSEL_DEVICE";
	private static final SecureRandom RANDOM = new SecureRandom();
	private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

	private final Cookies cookies;
	private final SecretKeySpec key;
	private final Throttles throttles;

	TrustedBrowsers(Cookies cookies, SigningKeys keys, Throttles throttles) {
		this.cookies = cookies;
		this.key = new SecretKeySpec(keys.key("device-cookie"), "HmacSHA256");
		this.throttles = throttles;
	}

	/** The client of a sign-in form: its address and, if it carries a valid device cookie, the browser. */
	@Override
	public SignInClient buildDetails(HttpServletRequest request) {
		return new SignInClient(request.getRemoteAddr(), device(cookies.read(request, COOKIE)));
	}

	/** After a successful sign-in: this browser is trusted for the member, under a new id. */
	void trust(CurrentMember member, HttpServletRequest request, HttpServletResponse response) {
		var nonce = new byte[16];
		RANDOM.nextBytes(nonce);
		var payload = member.userId().value() + "." + BASE64.encodeToString(nonce);
		cookies.write(request, response, COOKIE, payload + "." + mac(payload), throttles.signIn().deviceLifetime());
	}

	private @Nullable TrustedDevice device(@Nullable String cookie) {
		if (cookie == null) {
			return null;
		}
		var signature = cookie.lastIndexOf('.');
		var separator = cookie.indexOf('.');
		if (separator <= 0 || signature <= separator) {
			return null;
		}
		var payload = cookie.substring(0, signature);
		if (!MessageDigest.isEqual(bytes(mac(payload)), bytes(cookie.substring(signature + 1)))) {
			return null;
		}
		try {
			return new TrustedDevice(new UserId(UUID.fromString(cookie.substring(0, separator))),
					cookie.substring(separator + 1, signature));
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private String mac(String payload) {
		try {
			var mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return BASE64.encodeToString(mac.doFinal(bytes("device:" + payload)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Every Java platform provides HmacSHA256", e);
		}
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}
}
