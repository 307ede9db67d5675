package io.morsel.identity.internal;

import io.morsel.shared.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins per account name in the database, so every node sees the same count: after
 * {@link #MAX_FAILURES} failures within {@link #WINDOW}, the account is locked for {@link #LOCKOUT}, whatever
 * password is then sent. Unknown account names are counted too, so the answer never reveals whether one exists.
 */
@Component
public class SignInThrottle {

	public static final int MAX_FAILURES = 5;
	public static final Duration WINDOW = Duration.ofMinutes(15);
	public static final Duration LOCKOUT = Duration.ofMinutes(15);

	private final JdbcClient jdbc;
	private final Clock clock;

	SignInThrottle(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** When the account is locked, until when. */
	@Transactional(readOnly = true)
	public Optional<Instant> lockedUntil(String account) {
		var now = clock.instant();
		return jdbc.sql("""
				SELECT locked_until
				FROM sign_in_failures
				WHERE account = :account
				""")
			.param("account", Users.normalise(account))
			.query((rs, n) -> Timestamps.read(rs, "locked_until"))
			.optional()
			.filter(until -> until != null && until.isAfter(now));
	}

	/** Records one failure; answers whether the account is now locked. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean recordFailure(String account) {
		var key = Users.normalise(account);
		// Insert-or-count without an exception: a failed INSERT would abort the transaction on PostgreSQL.
		var inserted = jdbc.sql("""
				INSERT INTO sign_in_failures (account, failures, first_failure_at)
				VALUES (:account, 1, :now)
				ON CONFLICT DO NOTHING
				""")
			.param("account", key)
			.param("now", Timestamps.of(clock.instant()))
			.update();
		if (inserted == 0) {
			increment(key);
		}
		return lockedUntil(key).isPresent();
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void clear(String account) {
		jdbc.sql("""
				DELETE FROM sign_in_failures
				WHERE account = :account
				""")
			.param("account", Users.normalise(account))
			.update();
	}

	private int increment(String key) {
		var now = clock.instant();
		// A failure outside the window starts a new count; the update reads the row's old values throughout.
		return jdbc.sql("""
				UPDATE sign_in_failures
				SET failures = CASE WHEN first_failure_at < :windowStart THEN 1 ELSE failures + 1 END,
				    first_failure_at = CASE WHEN first_failure_at < :windowStart THEN :now ELSE first_failure_at END,
				    locked_until = CASE
				        WHEN first_failure_at >= :windowStart AND failures + 1 >= :max THEN :lockedUntil
				        ELSE locked_until
				    END
				WHERE account = :account
				""")
			.param("account", key)
			.param("now", Timestamps.of(now))
			.param("windowStart", Timestamps.of(now.minus(WINDOW)))
			.param("max", MAX_FAILURES)
			.param("lockedUntil", Timestamps.of(now.plus(LOCKOUT)))
			.update();
	}
}
