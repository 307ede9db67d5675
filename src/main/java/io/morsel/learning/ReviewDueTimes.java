package io.morsel.learning;

import io.morsel.identity.OrganisationId;
import io.morsel.identity.UserId;
import io.morsel.shared.DatabaseProduct;
import io.morsel.shared.Timestamps;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The earliest time any review card of each learner's falls due (table {@code learner_review_due}), which Today reads
 * with the learner's other rows ({@link Progress#today}) so that the cards due are asked for only when one may be
 * (ADR 0050). The cards are reinforcement's: it keeps this value in the very transaction that makes or reschedules a
 * card, so a learner never misses a review, on any node. No row: the learner has no card.
 *
 * <p>Both ways of keeping it take the learners' rows in one order (organisation, then user, as PostgreSQL orders
 * UUIDs), so that writers never wait on each other in a circle.
 */
@Component
public class ReviewDueTimes {

	/** UUIDs in PostgreSQL's order (their bytes, unsigned), the order of {@code ORDER BY}. */
	private static final Comparator<UUID> AS_STORED = Comparator
		.comparing((UUID id) -> id.getMostSignificantBits(), Long::compareUnsigned)
		.thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);

	private static final Comparator<Learner> BY_LEARNER = Comparator
		.comparing((Learner learner) -> learner.organisationId().value(), AS_STORED)
		.thenComparing(learner -> learner.userId().value(), AS_STORED);

	private final JdbcTemplate jdbc;
	private final JdbcClient sql;
	private final DatabaseProduct database;

	ReviewDueTimes(JdbcTemplate jdbc, JdbcClient sql, DatabaseProduct database) {
		this.jdbc = jdbc;
		this.sql = sql;
		this.database = database;
	}

	/**
	 * Cards were made, the earliest of each learner's falling due at this time: each learner's earliest time becomes
	 * it where it is earlier (or the learner had no card). In the transaction that inserts the cards.
	 *
	 * <p>A learner's row is written only when the new cards lower it, which they seldom do (a new card falls due after
	 * the cards made before it): the others are only locked in share ({@link #shared}), so that the transactions making
	 * cards of the same learners, one per batch of answers, no longer wait for each other's commit.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void cardsMade(Map<Learner, Instant> earliest) {
		if (earliest.isEmpty()) {
			return;
		}
		var sorted = new TreeMap<Learner, Instant>(BY_LEARNER);
		sorted.putAll(earliest);
		var stored = shared(sorted.keySet());
		var missing = sorted.entrySet().stream().filter(row -> !stored.containsKey(row.getKey())).toList();
		insertMissing(missing);
		var rows = sorted.entrySet()
			.stream()
			.filter(row -> !stored.containsKey(row.getKey()) || row.getValue().isBefore(stored.get(row.getKey())))
			.toList();
		if (rows.isEmpty()) {
			return;
		}
		// Under the row's lock: a writer that reschedules this learner's cards meanwhile either committed before (its
		// value is lowered here) or waits, and then reads these cards.
		jdbc.batchUpdate("""
				UPDATE learner_review_due
				SET earliest_due = LEAST(earliest_due, ?)
				WHERE organisation_id = ?
				  AND user_id = ?
				""", rows, rows.size(), (statement, row) -> {
			statement.setObject(1, Timestamps.of(row.getValue()));
			statement.setObject(2, row.getKey().organisationId().value());
			statement.setObject(3, row.getKey().userId().value());
		});
	}

	/**
	 * These learners' cards were rescheduled: each learner's rows are locked first, and only then is
	 * {@code earliestOf} asked for their earliest due times, which become theirs. Reading after the lock, it sees every
	 * card made in a transaction that lowered the value before; a card made later lowers the value it sets. A learner
	 * {@code earliestOf} leaves out keeps their value. In the transaction that rescheduled the cards.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void cardsRescheduled(Collection<Learner> learners,
			Function<Collection<Learner>, Map<Learner, Instant>> earliestOf) {
		if (learners.isEmpty()) {
			return;
		}
		// Rows of the same users in other organisations are locked too: harmless, and one range of the key.
		sql.sql("""
				SELECT organisation_id
				FROM learner_review_due
				WHERE organisation_id IN (:organisations)
				  AND user_id IN (:users)
				ORDER BY organisation_id, user_id
				FOR UPDATE
				""")
			.param("organisations", learners.stream().map(l -> l.organisationId().value()).distinct().toList())
			.param("users", learners.stream().map(l -> l.userId().value()).distinct().toList())
			.query(UUID.class)
			.list();
		var asked = Set.copyOf(learners);
		var earliest = new TreeMap<Learner, Instant>(BY_LEARNER);
		earliestOf.apply(asked).forEach((learner, at) -> {
			if (asked.contains(learner)) {
				earliest.put(learner, at);
			}
		});
		var rows = List.copyOf(earliest.entrySet());
		var counts = jdbc.batchUpdate("""
				UPDATE learner_review_due
				SET earliest_due = ?
				WHERE organisation_id = ?
				  AND user_id = ?
				""", rows, rows.size(), (statement, row) -> {
			statement.setObject(1, Timestamps.of(row.getValue()));
			statement.setObject(2, row.getKey().organisationId().value());
			statement.setObject(3, row.getKey().userId().value());
		});
		// A learner whose cards came without their row (written before it existed, or by hand) gets it now.
		var missing = new ArrayList<Map.Entry<Learner, Instant>>();
		int row = 0;
		for (int[] chunk : counts) {
			for (int count : chunk) {
				if (count == 0) {
					missing.add(rows.get(row));
				}
				row++;
			}
		}
		insertMissing(missing);
	}

	/**
	 * These learners' earliest due times, their rows locked until the commit in the weakest mode that a writer
	 * rescheduling their cards waits for ({@code FOR UPDATE} in {@link #cardsRescheduled}) and that other transactions
	 * making cards share ({@code FOR KEY SHARE}): a row read here cannot rise above these cards before they are
	 * committed, as the writer that would raise it reads the cards only once it has the row. Empty on H2, which has no
	 * shared row locks: every row is then written, under its exclusive lock, as before (one node, no concurrency to
	 * speak of).
	 */
	private Map<Learner, Instant> shared(Set<Learner> learners) {
		if (!database.postgres()) { // PostgreSQL locks rows in share; H2 does not.
			return Map.of();
		}
		var stored = new HashMap<Learner, Instant>();
		var asked = Set.copyOf(learners);
		// Rows of the same users in other organisations are locked too: harmless, and one range of the key.
		sql.sql("""
				SELECT organisation_id, user_id, earliest_due
				FROM learner_review_due
				WHERE organisation_id IN (:organisations)
				  AND user_id IN (:users)
				ORDER BY organisation_id, user_id
				FOR KEY SHARE
				""")
			.param("organisations", learners.stream().map(l -> l.organisationId().value()).distinct().toList())
			.param("users", learners.stream().map(l -> l.userId().value()).distinct().toList())
			.query(rs -> {
				var learner = new Learner(new OrganisationId(rs.getObject(1, UUID.class)),
						new UserId(rs.getObject(2, UUID.class)));
				if (asked.contains(learner)) {
					stored.put(learner, rs.getObject(3, OffsetDateTime.class).toInstant());
				}
			});
		return stored;
	}

	private void insertMissing(List<Map.Entry<Learner, Instant>> rows) {
		if (rows.isEmpty()) {
			return;
		}
		jdbc.batchUpdate("""
				INSERT INTO learner_review_due (organisation_id, user_id, earliest_due)
				VALUES (?, ?, ?)
				ON CONFLICT DO NOTHING
				""", rows, rows.size(), (statement, row) -> {
			statement.setObject(1, row.getKey().organisationId().value());
			statement.setObject(2, row.getKey().userId().value());
			statement.setObject(3, Timestamps.of(row.getValue()));
		});
	}
}
