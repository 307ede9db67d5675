package io.morsel.identity.internal;

import io.morsel.identity.CurrentMember;
import io.morsel.identity.OrganisationId;
import io.morsel.identity.UserId;
import io.morsel.identity.internal.Memberships.Membership;
import io.morsel.identity.internal.Users.User;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.function.SingletonSupplier;

/** Signs people in, into one of their organisations, and keeps their profile and password. */
@Service
public class Accounts {

	/** Hash compared against when the account does not exist, so an unknown email takes as long as a known one. */
	/**
	 * Compared with when no account has the address, so that an unknown address takes as long as a wrong password.
	 * Hashed at the first such sign-in, not during the node's start, which it would lengthen by a bcrypt round.
	 */
	private final SingletonSupplier<String> unknownAccountHash;

	private final Users users;
	private final Memberships memberships;
	private final SignInThrottle throttle;
	private final PasswordEncoder passwords;

	Accounts(Users users, Memberships memberships, SignInThrottle throttle, PasswordEncoder passwords) {
		this.users = users;
		this.memberships = memberships;
		this.throttle = throttle;
		this.passwords = passwords;
		this.unknownAccountHash = SingletonSupplier.of(() -> passwords.encode("no such account"));
	}

	/** Why a sign-in was refused. */
	public enum Refusal {
		BAD_CREDENTIALS, LOCKED, THROTTLED, NO_ORGANISATION
	}

	public static class SignInRefused extends RuntimeException {

		private final Refusal reason;

		SignInRefused(Refusal reason) {
			super(reason.name());
			this.reason = reason;
		}

		public Refusal reason() {
			return reason;
		}
	}

	/**
	 * Checks email and password, counting failures per account, client address and trusted browser
	 * ({@link SignInThrottle}), and signs the person into the organisation given by its slug, or into their first
	 * organisation when none is given.
	 */
	public CurrentMember signIn(String email, String password, @Nullable String organisationSlug,
			SignInClient client) {
		// No account has a longer address (RFC 5321), and the throttle could not count one (the form, unlike the API,
		// does not validate the address's length).
		if (email.length() > 254) {
			throw new SignInRefused(Refusal.BAD_CREDENTIALS);
		}
		var user = users.findByEmail(email);
		// A device cookie of someone else is no cookie at all.
		var device = client.device() != null && user.isPresent() && client.device().user().equals(user.get().id())
				? client.device() : null;
		throttle.refusal(email, client, device).ifPresent(refusal -> {
			throw refused(refusal);
		});
		var hash = user.map(User::passwordHash).orElse(null);
		var matches = passwords.matches(password, hash == null ? unknownAccountHash.obtain() : hash) && hash != null;
		if (!matches) {
			throw throttle.recordFailure(email, client, device)
				.map(Accounts::refused)
				.orElseGet(() -> new SignInRefused(Refusal.BAD_CREDENTIALS));
		}
		throttle.recordSuccess(email, device);
		var chosen = organisationSlug == null ? (Predicate<Membership>) m -> true
				: (Predicate<Membership>) m -> m.slug().equals(organisationSlug);
		return member(user.get(), chosen).orElseThrow(() -> new SignInRefused(
				organisationSlug == null ? Refusal.NO_ORGANISATION : Refusal.BAD_CREDENTIALS));
	}

	private static SignInRefused refused(SignInThrottle.Refusal refusal) {
		return new SignInRefused(switch (refusal) {
			case ACCOUNT_LOCKED -> Refusal.LOCKED;
			case ADDRESS_THROTTLED -> Refusal.THROTTLED;
		});
	}

	/** The person acting in the organisation with this slug, if they belong to it. */
	@Transactional(readOnly = true)
	public Optional<CurrentMember> switchTo(UserId user, String organisationSlug) {
		return users.findById(user).flatMap(u -> member(u, m -> m.slug().equals(organisationSlug)));
	}

	/** The person acting in this organisation, if they (still) belong to it. */
	@Transactional(readOnly = true)
	public Optional<CurrentMember> memberOf(UserId user, OrganisationId organisation) {
		return users.findById(user).flatMap(u -> member(u, m -> m.organisationId().equals(organisation)));
	}

	@Transactional
	public CurrentMember updateProfile(CurrentMember member, String name, ZoneId zone, Locale language) {
		users.updateProfile(member.userId(), name, zone.getId(), language.toLanguageTag());
		return memberOf(member.userId(), member.organisationId()).orElseThrow();
	}

	/** Shows or hides developer items (API tokens) in the member's navigation; the member as they are now. */
	@Transactional
	public CurrentMember showDeveloperItems(CurrentMember member, boolean shown) {
		users.showDeveloperItems(member.userId(), shown);
		return memberOf(member.userId(), member.organisationId()).orElseThrow();
	}

	/**
	 * Changes the password after checking the current one; false when the current one is wrong. Both hashes are made
	 * outside a transaction, holding no database connection (PasswordHashing); the new one replaces the hash that was
	 * checked, and only that one, so a change made meanwhile elsewhere is not overwritten unchecked.
	 */
	public boolean changePassword(UserId user, String currentPassword, String newPassword) {
		var hash = users.findById(user).map(User::passwordHash).orElse(null);
		if (hash == null || !passwords.matches(currentPassword, hash)) {
			return false;
		}
		return users.replacePassword(user, hash, passwords.encode(newPassword));
	}

	private Optional<CurrentMember> member(User user, Predicate<Membership> chosen) {
		var all = memberships.of(user.id());
		return all.stream().filter(chosen).findFirst().map(m -> new CurrentMember(user.id(), m.id(), user.email(),
				user.name(), m.organisationId(), m.slug(), m.organisationName(), m.roles(), zone(user.timeZone()),
				Locale.forLanguageTag(user.language()),
				all.stream().map(a -> new CurrentMember.Affiliation(a.slug(), a.organisationName())).toList(),
				user.developerItems()));
	}

	private static ZoneId zone(String id) {
		try {
			return ZoneId.of(id);
		}
		catch (java.time.DateTimeException e) {
			return ZoneId.of("UTC");
		}
	}
}
