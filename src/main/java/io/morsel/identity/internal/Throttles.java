package io.morsel.identity.internal;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many failed sign-ins and password-reset requests Morsel accepts ({@code morsel.throttle.*}, documented in
 * docs/operations.md). Counts live in the database, so every node applies the same limits (ADR 0003).
 *
 * @param unthrottledAddresses client addresses never counted per address (a monitoring probe, or loopback in tests)
 */
@ConfigurationProperties("morsel.throttle")
public record Throttles(SignIn signIn, PasswordReset passwordReset, Set<String> unthrottledAddresses) {

	/**
	 * @param accountFailures failures within {@code window} that lock an account for {@code lockout} against browsers
	 * it never signed in from
	 * @param addressFailures failures from one client address, across any accounts, within {@code window} that make
	 * that address wait for {@code lockout}
	 * @param deviceFailures failures within {@code window} after which a trusted browser's cookie no longer lifts a
	 * lock
	 * @param deviceLifetime how long a browser stays trusted after a successful sign-in
	 */
	public record SignIn(int accountFailures, int addressFailures, int deviceFailures, Duration window,
			Duration lockout, Duration deviceLifetime) {
	}

	/** Reset mails per account and requests per client address within {@code window}. */
	public record PasswordReset(int perAccount, int perAddress, Duration window) {
	}

	boolean counts(String address) {
		return !unthrottledAddresses.contains(address);
	}
}
