package io.morsel.identity.internal;

import io.morsel.shared.Caches;
import com.github.benmanes.caffeine.cache.Cache;
import io.morsel.identity.OrganisationId;
import io.morsel.identity.UserId;
import io.morsel.shared.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The signed-in sessions, one row each: the cookie says who the member is and is signed, the row says whether the
 * session still stands (not signed out, not ended by a password change, not idle for too long).
 */
@Repository
public class WebSessions {

	private static final Duration PURGE_EVERY = Duration.ofMinutes(1);

	private final JdbcClient jdbc;
	private final Clock clock;
	private final Duration idleTimeout;
	/** Sessions this node ended lately: refused here at once, by other nodes at their next check. */
	private final Cache<UUID, Boolean> endedHere;
	private final AtomicReference<Instant> nextPurge = new AtomicReference<>(Instant.MIN);

	WebSessions(JdbcClient jdbc, Clock clock, @Value("${morsel.sessions.idle-timeout}") Duration idleTimeout,
			@Value("${morsel.sessions.recheck}") Duration recheck, Caches caches) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.idleTimeout = idleTimeout;
		this.endedHere = caches.named("sessions-ended-here", recheck.plusMinutes(1));
	}

	/** Whether this node ended the session (signed out, a password changed) since its cookie was last checked. */
	public boolean endedHere(UUID id) {
		return endedHere.getIfPresent(id) != null;
	}

	/**
	 * Starts a session, and, at most once a minute on this node, removes the sessions (of anyone) that have been idle
	 * for too long: a burst of sign-ins makes one statement each, not two.
	 */
	public UUID start(UserId user, OrganisationId organisation) {
		var now = clock.instant();
		var due = nextPurge.get();
		if (!now.isBefore(due) && nextPurge.compareAndSet(due, now.plus(PURGE_EVERY))) {
			jdbc.sql("DELETE FROM web_sessions WHERE last_seen_at < :cutoff")
				.param("cutoff", Timestamps.of(now.minus(idleTimeout)))
				.update();
		}
		var id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO web_sessions (id, user_id, organisation_id, created_at, last_seen_at)
				VALUES (:id, :user, :organisation, :now, :now)
				""")
			.param("id", id)
			.param("user", user.value())
			.param("organisation", organisation.value())
			.param("now", Timestamps.of(now))
			.update();
		return id;
	}

	/** Whether the session of this user still stands; if so, it was seen now. */
	public boolean touch(UUID id, UserId user, Instant now) {
		return jdbc.sql("""
				UPDATE web_sessions
				SET last_seen_at = :now
				WHERE id = :id
				  AND user_id = :user
				  AND last_seen_at >= :cutoff
				""")
			.param("id", id)
			.param("user", user.value())
			.param("now", Timestamps.of(now))
			.param("cutoff", Timestamps.of(now.minus(idleTimeout)))
			.update() == 1;
	}

	/** The session now acts in another organisation of the same person. */
	public void moveTo(UUID id, OrganisationId organisation) {
		jdbc.sql("UPDATE web_sessions SET organisation_id = :organisation WHERE id = :id")
			.param("id", id)
			.param("organisation", organisation.value())
			.update();
	}

	public void end(UUID id) {
		end(List.of(id));
	}

	/** Ends every session of the person but the given one (a password change signs out every other device). */
	public void endAllBut(UserId user, UUID keep) {
		end(sessionsOf(user).stream().filter(id -> !id.equals(keep)).toList());
	}

	/** Ends every session of the person (a password reset through an emailed link). */
	public void endAll(UserId user) {
		end(sessionsOf(user));
	}

	/** Ends every session the person has in this organisation (deactivated, removed from it). */
	public void endAllIn(UserId user, OrganisationId organisation) {
		end(jdbc.sql("""
				SELECT id
				FROM web_sessions
				WHERE user_id = :user
				  AND organisation_id = :organisation
				""")
			.param("user", user.value())
			.param("organisation", organisation.value())
			.query(UUID.class)
			.list());
	}

	private void end(List<UUID> ids) {
		if (ids.isEmpty()) {
			return;
		}
		ids.forEach(id -> endedHere.put(id, true));
		jdbc.sql("DELETE FROM web_sessions WHERE id IN (:ids)").param("ids", ids).update();
	}

	private List<UUID> sessionsOf(UserId user) {
		return jdbc.sql("SELECT id FROM web_sessions WHERE user_id = :user")
			.param("user", user.value())
			.query(UUID.class)
			.list();
	}
}
