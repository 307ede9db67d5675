package io.morsel.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import io.morsel.identity.MemberId;
import io.morsel.identity.OrganisationId;
import io.morsel.identity.UserId;
import io.morsel.shared.Caches;
import io.morsel.shared.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Members whose access was taken away (deactivated, removed from an organisation), told to every node through the
 * database. A node trusts a signed cookie, and caches members and tokens, for the session recheck interval (ADR 0004);
 * before it trusts any of them for a request it makes sure it has read, within {@code morsel.access.revocation-check}
 * (250 ms), how many revocations there are and the newest one's id (one index read of a table of a few rows), and when
 * that changed, forgets what it holds of the people named. So a deactivation is refused on every node within that
 * interval, and at once on the node that made it, which reads the table again as its transaction commits (ADR 0020).
 * One read per interval per node, not one per request: signed-in requests ask the database nothing more.
 *
 * <p>The count is read with the newest id because ids are handed out before their transactions commit: a revocation
 * committed after a later one fills a gap without raising the newest id, but it raises the count.
 */
@Component
public class AccessRevocations {

	private record Mark(long count, long newest) {
	}

	private record Revoked(UserId user, OrganisationId organisation, Instant at) {
	}

	private final JdbcClient jdbc;
	private final ActiveMembers members;
	private final ApiTokens tokens;
	private final Partnerships partnerships;
	private final Clock clock;
	private final Duration kept;
	private final AtomicReference<Mark> seen = new AtomicReference<>(new Mark(-1, -1));
	private final long checkEveryNanos;
	/** When this node reads the table next ({@link System#nanoTime}). */
	private final AtomicLong nextCheck = new AtomicLong(System.nanoTime());
	/** When each revoked person lost access, for as long as a cookie checked before then could still be trusted. */
	private final Cache<UserId, Instant> revokedAt;

	AccessRevocations(JdbcClient jdbc, ActiveMembers members, ApiTokens tokens, Partnerships partnerships, Clock clock,
			@Value("${morsel.sessions.recheck}") Duration recheck,
			@Value("${morsel.access.revocation-check}") Duration checkEvery, Caches caches) {
		this.checkEveryNanos = checkEvery.toNanos();
		this.jdbc = jdbc;
		this.members = members;
		this.tokens = tokens;
		this.partnerships = partnerships;
		this.clock = clock;
		// Kept a while past the recheck interval: every cache these revocations clear expires within it anyway.
		this.kept = recheck.plusMinutes(10);
		this.revokedAt = caches.named("revoked-members", kept);
	}

	/** Records that this person lost access to the organisation, in the caller's transaction. */
	void record(UserId user, OrganisationId organisation) {
		var now = clock.instant();
		jdbc.sql("""
				DELETE FROM access_revocations
				WHERE revoked_at < :cutoff
				""")
			.param("cutoff", Timestamps.of(now.minus(kept)))
			.update();
		jdbc.sql("""
				INSERT INTO access_revocations (user_id, organisation_id, revoked_at)
				VALUES (:user, :organisation, :now)
				""")
			.param("user", user.value())
			.param("organisation", organisation.value())
			.param("now", Timestamps.of(now))
			.update();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					read(); // This node refuses the person from its next request on.
				}
			});
		}
	}

	/**
	 * Records that what these members of the organisation may see changed (their groups, roles or the organisation's
	 * partner settings), in the caller's transaction: every node forgets what it keeps of them, as for a revocation.
	 */
	void recordMembers(OrganisationId organisation, Collection<MemberId> changed) {
		if (changed.isEmpty()) {
			return;
		}
		jdbc.sql("""
				SELECT user_id
				FROM memberships
				WHERE organisation_id = :organisation
				  AND id IN (:members)
				""")
			.param("organisation", organisation.value())
			.param("members", changed.stream().map(MemberId::value).toList())
			.query(UUID.class)
			.list()
			.forEach(user -> record(new UserId(user), organisation));
	}

	/**
	 * Catches up with the revocations made on any node, when this node has not read them for the check interval: called
	 * before a request's cookie or token is trusted. One request reads; the others go on with what the node knows.
	 */
	public void catchUp() {
		var due = nextCheck.get();
		var now = System.nanoTime();
		if (checkEveryNanos > 0 && (now - due < 0 || !nextCheck.compareAndSet(due, now + checkEveryNanos))) {
			return;
		}
		read();
	}

	/**
	 * Reads the revocations if any changed since this node last read them. Reading them all again when anything changed
	 * is cheap, since the table keeps only the last few minutes.
	 */
	private void read() {
		var mark = jdbc.sql("""
				SELECT COUNT(*), COALESCE(MAX(id), 0)
				FROM access_revocations
				""")
			.query((rs, n) -> new Mark(rs.getLong(1), rs.getLong(2)))
			.single();
		var last = seen.get();
		if (mark.equals(last)) {
			return;
		}
		jdbc.sql("""
				SELECT user_id, organisation_id, revoked_at
				FROM access_revocations
				WHERE id <= :newest
				""")
			.param("newest", mark.newest())
			.query((rs, n) -> new Revoked(new UserId(rs.getObject(1, java.util.UUID.class)),
					new OrganisationId(rs.getObject(2, java.util.UUID.class)), Timestamps.read(rs, "revoked_at")))
			.list()
			.forEach(this::apply);
		seen.compareAndSet(last, mark);
	}

	private void apply(Revoked revoked) {
		members.forget(revoked.user(), revoked.organisation());
		tokens.forget(revoked.user(), revoked.organisation());
		partnerships.forget(revoked.user(), revoked.organisation());
		revokedAt.asMap().merge(revoked.user(), revoked.at(), (a, b) -> a.isAfter(b) ? a : b);
	}

	/**
	 * Whether the person lost access somewhere after a cookie of theirs was last checked, so that its session must be
	 * checked again now. Clocks of nodes differ a little; a cookie checked shortly after the revocation is checked once
	 * more, which costs one read.
	 */
	public boolean revokedSince(UserId user, Instant checked) {
		var at = revokedAt.getIfPresent(user);
		return at != null && checked.isBefore(at.plusSeconds(5));
	}
}
