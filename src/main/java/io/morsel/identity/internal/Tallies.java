package io.morsel.identity.internal;

import io.morsel.shared.Timestamps;
import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts of events per key within a window, in the table {@code sign_in_failures} every node shares (its
 * {@code account} column is the key). Account names are the keys of failed sign-ins, as they always were; every other
 * key starts with {@code @}, which no account name does: {@code @address:…}, {@code @device:…}, {@code @reset:…}.
 */
@Component
class Tallies {

	private final JdbcClient jdbc;
	private final Clock clock;

	Tallies(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Adds one to the key's count; the count that reaches {@code max} within {@code window} locks the key for
	 * {@code lockout}. Answers the count, this one included: the row stays locked until this transaction commits, so
	 * two nodes counting at once get different answers.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public int add(String key, int max, Duration window, Duration lockout) {
		var now = clock.instant();
		// Insert-or-count without an exception: a failed INSERT would abort the transaction on PostgreSQL.
		var inserted = jdbc.sql("""
				INSERT INTO sign_in_failures (account, failures, first_failure_at, locked_until)
				VALUES (:key, 1, :now, :lockedUntil)
				ON CONFLICT DO NOTHING
				""")
			.param("key", key)
			.param("now", Timestamps.of(now))
			.param("lockedUntil", max <= 1 ? Timestamps.of(now.plus(lockout)) : null)
			.update();
		if (inserted == 0) {
			// A count outside the window starts anew; the update reads the row's old values throughout.
			jdbc.sql("""
					UPDATE sign_in_failures
					SET failures = CASE WHEN first_failure_at < :windowStart THEN 1 ELSE failures + 1 END,
					    first_failure_at = CASE WHEN first_failure_at < :windowStart THEN :now ELSE first_failure_at END,
					    locked_until = CASE
					        WHEN first_failure_at >= :windowStart AND failures + 1 >= :max THEN :lockedUntil
					        ELSE locked_until
					    END
					WHERE account = :key
					""")
				.param("key", key)
				.param("now", Timestamps.of(now))
				.param("windowStart", Timestamps.of(now.minus(window)))
				.param("max", max)
				.param("lockedUntil", Timestamps.of(now.plus(lockout)))
				.update();
		}
		return jdbc.sql("""
				SELECT failures
				FROM sign_in_failures
				WHERE account = :key
				""")
			.param("key", key)
			.query(Integer.class)
			.single();
	}

	/** Whether the key is locked now. */
	@Transactional(readOnly = true)
	public boolean isLocked(String key) {
		return jdbc.sql("""
				SELECT COUNT(*)
				FROM sign_in_failures
				WHERE account = :key
				  AND locked_until > :now
				""")
			.param("key", key)
			.param("now", Timestamps.of(clock.instant()))
			.query(Integer.class)
			.single() > 0;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void clear(String key) {
		jdbc.sql("""
				DELETE FROM sign_in_failures
				WHERE account = :key
				""")
			.param("key", key)
			.update();
	}
}
