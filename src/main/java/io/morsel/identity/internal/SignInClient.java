package io.morsel.identity.internal;

import io.morsel.identity.UserId;
import org.jspecify.annotations.Nullable;

/**
 * Who is signing in, as far as throttling cares: the client's address (Tomcat's remote address, after trusted
 * proxies' {@code X-Forwarded-For}), and the browser's device cookie when it carries a valid one.
 */
public record SignInClient(String address, @Nullable TrustedDevice device) {

	/** A client of the API: an address, never a device cookie. */
	public static SignInClient at(String address) {
		return new SignInClient(address, null);
	}

	/**
	 * A browser that signed in as this user before (OWASP's device cookie), named by the random id of its cookie;
	 * the signature was checked by whoever read the cookie.
	 */
	public record TrustedDevice(UserId user, String id) {
	}
}
