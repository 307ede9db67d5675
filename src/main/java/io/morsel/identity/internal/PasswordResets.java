package io.morsel.identity.internal;

import io.morsel.identity.OutboundMail;
import io.morsel.shared.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Password reset by a one-time link sent by email, valid for {@link #VALIDITY}. Requests are limited per client
 * address and mails per account ({@code morsel.throttle.password-reset.*}); each request over a limit counts in
 * {@code morsel.password-reset.throttled}, tagged with the limit it hit.
 */
@Service
public class PasswordResets {

	public static final Duration VALIDITY = Duration.ofHours(1);

	private final JdbcClient jdbc;
	private final Users users;
	private final SignInThrottle throttle;
	private final PasswordEncoder passwords;
	private final OutboundMail mail;
	private final MessageSource messages;
	private final TransactionTemplate transaction;
	private final Clock clock;
	private final WebSessions sessions;
	private final ApplicationEventPublisher events;
	private final Tallies tallies;
	private final Throttles throttles;
	private final Counter addressThrottled;
	private final Counter accountThrottled;

	PasswordResets(JdbcClient jdbc, Users users, SignInThrottle throttle, PasswordEncoder passwords, OutboundMail mail,
			MessageSource messages, TransactionTemplate transaction, Clock clock, WebSessions sessions,
			ApplicationEventPublisher events, Tallies tallies, Throttles throttles, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.users = users;
		this.throttle = throttle;
		this.passwords = passwords;
		this.mail = mail;
		this.messages = messages;
		// The link is committed before its mail leaves, even when sending runs inside a transaction (the listener's):
		// a link that arrives must work at once.
		this.transaction = new TransactionTemplate(transaction.getTransactionManager());
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		this.sessions = sessions;
		this.events = events;
		this.tallies = tallies;
		this.throttles = throttles;
		this.addressThrottled = throttled(meters, "address");
		this.accountThrottled = throttled(meters, "account");
	}

	private static Counter throttled(MeterRegistry meters, String limit) {
		return Counter.builder("morsel.password-reset.throttled")
			.description("Password-reset requests that sent no mail because a limit was reached")
			.tag("limit", limit)
			.register(meters);
	}

	/**
	 * Records the request; the link is mailed after commit, if the account exists and no limit is reached
	 * ({@link #send}). The work here is the same either way, so neither the answer nor its timing reveals who has
	 * an account.
	 *
	 * @param address the client's address
	 * @param linkBase the URL the secret is appended to
	 */
	@Transactional
	public void request(String email, String address, String linkBase) {
		events.publishEvent(new PasswordResetRequested(email, address, linkBase));
	}

	/**
	 * Mails a reset link for a request, when the account exists and neither the client's address nor the account
	 * has reached its limit. Every request counts against its address, known account or not.
	 */
	void send(PasswordResetRequested requested) {
		var limits = throttles.passwordReset();
		if (throttles.counts(requested.address()) && tallies.add("@reset-address:" + requested.address(),
				limits.perAddress(), limits.window(), limits.window()) > limits.perAddress()) {
			addressThrottled.increment();
			return;
		}
		var user = users.findByEmail(requested.email());
		if (user.isEmpty()) {
			return;
		}
		if (tallies.add("@reset:" + user.get().id().value(), limits.perAccount(), limits.window(),
				limits.window()) > limits.perAccount()) {
			accountThrottled.increment();
			return;
		}
		var linkBase = requested.linkBase();
		var secret = Secrets.newSecret("");
		transaction.executeWithoutResult(status -> jdbc.sql("""
				INSERT INTO password_resets (token_hash, user_id, expires_at)
				VALUES (:hash, :user, :expires)
				""")
			.param("hash", Secrets.hash(secret))
			.param("user", user.get().id().value())
			.param("expires", Timestamps.of(clock.instant().plus(VALIDITY)))
			.update());
		var locale = Locale.forLanguageTag(user.get().language());
		var text = messages.getMessage("mail.reset.body",
				new Object[] { user.get().name(), linkBase + secret, VALIDITY.toMinutes() }, locale);
		mail.send(OutboundMail.Message.plain(user.get().email(), messages.getMessage("mail.reset.subject", null, locale),
				text));
	}

	/** Whether the link can still be used. */
	@Transactional(readOnly = true)
	public boolean isValid(String secret) {
		return userFor(secret).isPresent();
	}

	/**
	 * Sets the new password and spends the link, and every other link of the account still open: an older mail
	 * must not reset the new password. False when the link is unknown, used or expired.
	 */
	public boolean reset(String secret, String newPassword) {
		if (userFor(secret).isEmpty()) {
			return false;
		}
		// Hashed before the transaction, which would otherwise hold a database connection for as long (PasswordHashing).
		var hash = passwords.encode(newPassword);
		return Boolean.TRUE.equals(transaction.execute(status -> {
			var user = userFor(secret);
			if (user.isEmpty()) {
				return false;
			}
			// Two submissions of one link at once: the second finds the links already spent and changes nothing.
			var spent = jdbc.sql("""
					UPDATE password_resets
					SET used_at = :now
					WHERE user_id = :user
					  AND used_at IS NULL
					""")
				.param("user", user.get())
				.param("now", Timestamps.of(clock.instant()))
				.update();
			if (spent == 0) {
				return false;
			}
			var id = new io.morsel.identity.UserId(user.get());
			users.updatePassword(id, hash);
			users.findById(id).ifPresent(u -> throttle.clear(u.email()));
			// Whoever knew the old password is signed out everywhere.
			sessions.endAll(id);
			return true;
		}));
	}

	private Optional<UUID> userFor(String secret) {
		return jdbc.sql("""
				SELECT user_id
				FROM password_resets
				WHERE token_hash = :hash
				  AND used_at IS NULL
				  AND expires_at > :now
				""")
			.param("hash", Secrets.hash(secret))
			.param("now", Timestamps.of(clock.instant()))
			.query(UUID.class)
			.optional();
	}
}
