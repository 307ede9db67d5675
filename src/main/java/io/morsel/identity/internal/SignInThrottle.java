package io.morsel.identity.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.morsel.identity.internal.SignInClient.TrustedDevice;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins in the database, so every node sees the same counts (ADR 0003), three ways:
 * <ul>
 * <li>per account name, known or not (so the answer never reveals whether one exists): too many failures lock the
 * account against every browser that never signed in as it;</li>
 * <li>per client address, across all account names: too many make the address wait (429), however many accounts it
 * tries;</li>
 * <li>per trusted browser (OWASP's device cookie): a browser that signed in as the account before still may while
 * the account is locked, so an attacker cannot lock its owner out, until that browser fails too often itself.</li>
 * </ul>
 * Each refusal counts in {@code morsel.sign-in.refused}, tagged with its reason.
 */
@Component
@EnableConfigurationProperties(Throttles.class)
public class SignInThrottle {

	/** Why a sign-in is refused before its password is checked. */
	public enum Refusal {
		ACCOUNT_LOCKED("account-locked"), ADDRESS_THROTTLED("address-throttled");

		private final String tag;

		Refusal(String tag) {
			this.tag = tag;
		}
	}

	private final Tallies tallies;
	private final Throttles throttles;
	private final Throttles.SignIn limits;
	private final Counter accountLocked;
	private final Counter addressThrottled;

	SignInThrottle(Tallies tallies, Throttles throttles, MeterRegistry meters) {
		this.tallies = tallies;
		this.throttles = throttles;
		this.limits = throttles.signIn();
		this.accountLocked = refusals(meters, Refusal.ACCOUNT_LOCKED);
		this.addressThrottled = refusals(meters, Refusal.ADDRESS_THROTTLED);
	}

	private static Counter refusals(MeterRegistry meters, Refusal reason) {
		return Counter.builder("morsel.sign-in.refused")
			.description("Sign-ins refused by the throttle, whatever the password")
			.tag("reason", reason.tag)
			.register(meters);
	}

	/** How long a lock lasts, to tell the person. */
	public long lockoutMinutes() {
		return limits.lockout().toMinutes();
	}

	/**
	 * Whether this attempt is refused before its password is looked at. A trusted browser of the account is not:
	 * neither the account's lock nor its address holds it back, until it failed too often itself; from then on it
	 * is a stranger like any other (OWASP: a locked-out device cookie counts as none).
	 */
	public Optional<Refusal> refusal(String account, SignInClient client, @Nullable TrustedDevice device) {
		if (trusted(device)) {
			return Optional.empty();
		}
		if (throttles.counts(client.address()) && tallies.isLocked(addressKey(client.address()))) {
			return refused(Refusal.ADDRESS_THROTTLED);
		}
		if (tallies.isLocked(accountKey(account))) {
			return refused(Refusal.ACCOUNT_LOCKED);
		}
		return Optional.empty();
	}

	/**
	 * Records one wrong password; answers the refusal that now holds, if any. A trusted browser's failures count
	 * against that browser alone, so its owner's typos do not lock the account for anyone else.
	 */
	public Optional<Refusal> recordFailure(String account, SignInClient client, @Nullable TrustedDevice device) {
		if (trusted(device)) {
			var failures = tallies.add(deviceKey(device), limits.deviceFailures(), limits.window(), limits.lockout());
			return failures >= limits.deviceFailures() && tallies.isLocked(accountKey(account))
					? refused(Refusal.ACCOUNT_LOCKED) : Optional.empty();
		}
		var addressFailures = throttles.counts(client.address())
				? tallies.add(addressKey(client.address()), limits.addressFailures(), limits.window(), limits.lockout())
				: 0;
		var accountFailures = tallies.add(accountKey(account), limits.accountFailures(), limits.window(),
				limits.lockout());
		if (addressFailures >= limits.addressFailures()) {
			return refused(Refusal.ADDRESS_THROTTLED);
		}
		return accountFailures >= limits.accountFailures() ? refused(Refusal.ACCOUNT_LOCKED) : Optional.empty();
	}

	/**
	 * After the right password: an unlocked account's count starts again. A lock stays, when its owner signed in
	 * through a trusted browser: whoever caused it is still out.
	 */
	public void recordSuccess(String account, @Nullable TrustedDevice device) {
		if (trusted(device)) {
			tallies.clear(deviceKey(device));
			return;
		}
		clear(account);
	}

	/** Lifts the account's lock (a password reset). */
	public void clear(String account) {
		tallies.clear(accountKey(account));
	}

	private boolean trusted(@Nullable TrustedDevice device) {
		return device != null && !tallies.isLocked(deviceKey(device));
	}

	private Optional<Refusal> refused(Refusal refusal) {
		(refusal == Refusal.ACCOUNT_LOCKED ? accountLocked : addressThrottled).increment();
		return Optional.of(refusal);
	}

	/**
	 * The account name as it always was the key; one that could pass for another kind of key, or would not fit the
	 * column, is kept apart by its hash.
	 */
	private static String accountKey(String account) {
		var name = Users.normalise(account);
		return name.startsWith("@") || name.length() > 200 ? "@account:" + Secrets.hash(name) : name;
	}

	private static String addressKey(String address) {
		return "@address:" + address;
	}

	private static String deviceKey(TrustedDevice device) {
		return "@device:" + device.id();
	}
}
