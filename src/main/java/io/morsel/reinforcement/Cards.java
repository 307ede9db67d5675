package io.morsel.reinforcement;

import io.morsel.catalog.LessonId;
import io.morsel.identity.OrganisationId;
import io.morsel.learning.Learner;
import io.morsel.shared.Timestamps;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The review cards and their reviews (tables {@code review_cards}, {@code reviews}, {@code reinforcement_settings}):
 * SQL only, in the caller's transaction.
 */
@Component
class Cards {

	/** Where a review was made: in the lesson (the first answer) or in the daily review. */
	enum Source {
		LESSON, REVIEW;

		String column() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}
	}

	/** A card as stored: whose, which question, and FSRS's memory of it. */
	record Card(UUID id, Learner learner, LessonId lessonId, int version, String interactionId, ReviewCard memory) {

		Face face() {
			return new Face(id, learner, lessonId, version, interactionId);
		}
	}

	/** What a card asks, and whose it is: set when the card is made, never changed (CardFaces keeps it). */
	record Face(UUID id, Learner learner, LessonId lessonId, int version, String interactionId) {
	}

	/** A review as stored, with the card's memory after it. */
	record Stored(UUID id, UUID cardId, Rating rating, @Nullable String response, double credit,
			@Nullable Boolean correct, @Nullable Duration timeTaken, Instant at, ReviewCard after) {
	}

	/** A review to store. */
	record NewReview(UUID id, Card card, Source source, Rating rating, @Nullable String response, double credit,
			@Nullable Boolean correct, @Nullable Duration timeTaken, Instant at, ReviewCard after) {
	}

	private final JdbcClient sql;
	private final JdbcTemplate jdbc;

	Cards(JdbcClient sql, JdbcTemplate jdbc) {
		this.sql = sql;
		this.jdbc = jdbc;
	}

	/** A card's id: the same for the same learner and question, so that an event handled twice makes one card. */
	static UUID idOf(Learner learner, LessonId lesson, String interaction) {
		var key = learner.organisationId().value() + "/" + learner.userId().value() + "/" + lesson.value() + "/"
				+ interaction;
		return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
	}

	/** Inserts the cards the learners do not have yet, in one statement; those it inserted. */
	List<Card> insertNew(List<Card> cards) {
		var counts = jdbc.batchUpdate("""
				INSERT INTO review_cards (id, organisation_id, user_id, lesson_id, version, interaction_id, state, step,
				                          stability, difficulty, elapsed_days, scheduled_days, due, last_review, reps,
				                          lapses)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT DO NOTHING
				""", cards, cards.size(), (statement, card) -> {
			var memory = card.memory();
			statement.setObject(1, card.id());
			statement.setObject(2, card.learner().organisationId().value());
			statement.setObject(3, card.learner().userId().value());
			statement.setObject(4, card.lessonId().value());
			statement.setInt(5, card.version());
			statement.setString(6, card.interactionId());
			statement.setInt(7, memory.state().ordinal());
			statement.setInt(8, memory.step());
			statement.setDouble(9, memory.stability());
			statement.setDouble(10, memory.difficulty());
			statement.setInt(11, memory.elapsedDays());
			statement.setInt(12, memory.scheduledDays());
			statement.setObject(13, Timestamps.of(memory.due()));
			statement.setObject(14, Timestamps.of(memory.lastReview()), Types.TIMESTAMP_WITH_TIMEZONE);
			statement.setInt(15, memory.reps());
			statement.setInt(16, memory.lapses());
		});
		var inserted = new ArrayList<Card>(cards.size());
		int row = 0;
		for (int[] chunk : counts) {
			for (int count : chunk) {
				var card = cards.get(row++);
				if (count > 0) {
					inserted.add(card);
				}
			}
		}
		return inserted;
	}

	/** The learner's card; another learner's card is not found. */
	Optional<Card> find(Learner learner, UUID id) {
		return sql.sql("""
				SELECT id, organisation_id, user_id, lesson_id, version, interaction_id, state, step, stability,
				       difficulty, elapsed_days, scheduled_days, due, last_review, reps, lapses
				FROM review_cards
				WHERE id = :id
				  AND organisation_id = :organisation
				  AND user_id = :user
				""")
			.param("id", id)
			.param("organisation", learner.organisationId().value())
			.param("user", learner.userId().value())
			.query(Cards::card)
			.optional();
	}

	/** A card's face, whoever's card it is. */
	Optional<Face> face(UUID id) {
		return sql.sql("""
				SELECT organisation_id, user_id, lesson_id, version, interaction_id
				FROM review_cards
				WHERE id = :id
				""")
			.param("id", id)
			.query((rs, n) -> new Face(id, learner(rs), new LessonId(rs.getObject("lesson_id", UUID.class)),
					rs.getInt("version"), rs.getString("interaction_id")))
			.optional();
	}

	/** The cards, each locked until the commit, in the order of their ids, so that two writers never wait in a circle. */
	Map<UUID, Card> lock(Collection<UUID> ids) {
		var locked = new HashMap<UUID, Card>();
		sql.sql("""
				SELECT id, organisation_id, user_id, lesson_id, version, interaction_id, state, step, stability,
				       difficulty, elapsed_days, scheduled_days, due, last_review, reps, lapses
				FROM review_cards
				WHERE id IN (:ids)
				ORDER BY id
				FOR UPDATE
				""")
			.param("ids", ids)
			.query(Cards::card)
			.list()
			.forEach(card -> locked.put(card.id(), card));
		return locked;
	}

	/** Those of the reviews that are stored already. */
	Set<UUID> reviewed(Collection<UUID> ids) {
		return new HashSet<>(sql.sql("SELECT id FROM reviews WHERE id IN (:ids)").param("ids", ids).query(UUID.class).list());
	}

	/**
	 * The learner's cards falling due before {@code before}, soonest first, at most {@code most}; and how many reviews
	 * they made since {@code since}, in one statement: a range scan of each table's index.
	 */
	Due due(Learner learner, Instant before, Instant since, int most) {
		return due(learner, before, since, most, null);
	}

	/**
	 * As {@link #due(Learner, Instant, Instant, int)}, of the cards of these lessons only (a partner's, ADR 0042), or of
	 * every lesson when {@code lessons} is null.
	 */
	Due due(Learner learner, Instant before, Instant since, int most, @Nullable Set<LessonId> lessons) {
		if (lessons != null && lessons.isEmpty()) {
			return new Due(List.of(), due(learner, before, since, 0, null).reviewedToday());
		}
		var done = new int[1];
		var statement = sql.sql("""
				SELECT c.id, c.organisation_id, c.user_id, c.lesson_id, c.version, c.interaction_id, c.state, c.step,
				       c.stability, c.difficulty, c.elapsed_days, c.scheduled_days, c.due, c.last_review, c.reps,
				       c.lapses, d.done
				FROM (SELECT count(*) AS done
				      FROM reviews
				      WHERE organisation_id = :organisation
				        AND user_id = :user
				        AND reviewed_at >= :since
				        AND source = 'review') d
				LEFT JOIN (SELECT *
				           FROM review_cards
				           WHERE organisation_id = :organisation
				             AND user_id = :user
				             AND due < :before
				             %s
				           ORDER BY due
				           LIMIT :most) c ON 1 = 1
				ORDER BY c.due
				""".formatted(lessons == null ? "" : "AND lesson_id IN (:lessons)"))
			.param("organisation", learner.organisationId().value())
			.param("user", learner.userId().value())
			.param("since", Timestamps.of(since))
			.param("before", Timestamps.of(before))
			.param("most", most);
		if (lessons != null) {
			statement = statement.param("lessons", lessons.stream().map(LessonId::value).toList());
		}
		var cards = statement.query((rs, n) -> {
				done[0] = rs.getInt("done");
				return rs.getObject("id") == null ? null : card(rs, n);
			})
			.list();
		return new Due(cards.stream().filter(card -> card != null).toList(), done[0]);
	}

	/** The earliest due time of each of these learners' cards; a learner without a card is left out. */
	Map<Learner, Instant> earliestDue(Collection<Learner> learners) {
		var earliest = new HashMap<Learner, Instant>();
		// One learner at a time: MIN over one learner's cards is the first entry of review_cards_due, where a MIN
		// grouped over several learners reads every card of theirs (tens of thousands for a long-time learner).
		for (var learner : learners) {
			sql.sql("""
					SELECT MIN(due) AS earliest
					FROM review_cards
					WHERE organisation_id = :organisation
					  AND user_id = :user
					""")
				.param("organisation", learner.organisationId().value())
				.param("user", learner.userId().value())
				.query((rs, n) -> Optional.ofNullable(Timestamps.read(rs, "earliest")))
				.single()
				.ifPresent(at -> earliest.put(learner, at));
		}
		return earliest;
	}

	/** Cards due, soonest first, and the reviews made so far today. */
	record Due(List<Card> cards, int reviewedToday) {
	}

	/** Writes the cards' memory. */
	void update(List<Card> reviewed) {
		jdbc.batchUpdate("""
				UPDATE review_cards
				SET state = ?, step = ?, stability = ?, difficulty = ?, elapsed_days = ?, scheduled_days = ?, due = ?,
				    last_review = ?, reps = ?, lapses = ?
				WHERE id = ?
				""", reviewed, reviewed.size(), (statement, card) -> {
			var memory = card.memory();
			statement.setInt(1, memory.state().ordinal());
			statement.setInt(2, memory.step());
			statement.setDouble(3, memory.stability());
			statement.setDouble(4, memory.difficulty());
			statement.setInt(5, memory.elapsedDays());
			statement.setInt(6, memory.scheduledDays());
			statement.setObject(7, Timestamps.of(memory.due()));
			statement.setObject(8, Timestamps.of(memory.lastReview()), Types.TIMESTAMP_WITH_TIMEZONE);
			statement.setInt(9, memory.reps());
			statement.setInt(10, memory.lapses());
			statement.setObject(11, card.id());
		});
	}

	/** Logs the reviews. */
	void insert(List<NewReview> reviews) {
		jdbc.batchUpdate("""
				INSERT INTO reviews (id, organisation_id, user_id, card_id, source, rating, response, credit, correct,
				                     time_taken_ms, reviewed_at, state, stability, difficulty, due)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""", reviews, reviews.size(), (statement, review) -> {
			var after = review.after();
			var learner = review.card().learner();
			statement.setObject(1, review.id());
			statement.setObject(2, learner.organisationId().value());
			statement.setObject(3, learner.userId().value());
			statement.setObject(4, review.card().id());
			statement.setString(5, review.source().column());
			statement.setInt(6, review.rating().grade());
			statement.setString(7, review.response());
			statement.setDouble(8, review.credit());
			if (review.correct() == null) {
				statement.setNull(9, Types.BOOLEAN);
			}
			else {
				statement.setBoolean(9, review.correct());
			}
			if (review.timeTaken() == null) {
				statement.setNull(10, Types.BIGINT);
			}
			else {
				statement.setLong(10, review.timeTaken().toMillis());
			}
			statement.setObject(11, Timestamps.of(review.at()));
			statement.setInt(12, after.state().ordinal());
			statement.setDouble(13, after.stability());
			statement.setDouble(14, after.difficulty());
			statement.setObject(15, Timestamps.of(after.due()));
		});
	}

	/** A review of the learner's, by its id. */
	Optional<Stored> review(Learner learner, UUID id) {
		return sql.sql("""
				SELECT r.id, r.card_id, r.rating, r.response, r.credit, r.correct, r.time_taken_ms, r.reviewed_at,
				       r.state, r.stability, r.difficulty, r.due, c.step, c.elapsed_days, c.scheduled_days, c.reps,
				       c.lapses
				FROM reviews r
				JOIN review_cards c ON c.id = r.card_id
				WHERE r.id = :id
				  AND r.organisation_id = :organisation
				  AND r.user_id = :user
				""")
			.param("id", id)
			.param("organisation", learner.organisationId().value())
			.param("user", learner.userId().value())
			.query((rs, n) -> {
				var at = Timestamps.read(rs, "reviewed_at");
				var timeTaken = rs.getObject("time_taken_ms") == null ? null
						: Duration.ofMillis(rs.getLong("time_taken_ms"));
				// The counters are the card's now: what a client needs of the review's outcome is its memory and due.
				var after = new ReviewCard(CardState.values()[rs.getInt("state")], Timestamps.read(rs, "due"),
						rs.getDouble("stability"), rs.getDouble("difficulty"), rs.getInt("elapsed_days"),
						rs.getInt("scheduled_days"), rs.getInt("reps"), rs.getInt("lapses"), rs.getInt("step"), at);
				return new Stored(rs.getObject("id", UUID.class), rs.getObject("card_id", UUID.class),
						Rating.of(rs.getInt("rating")), rs.getString("response"), rs.getDouble("credit"),
						(Boolean) rs.getObject("correct"), timeTaken, at, after);
			})
			.optional();
	}

	/** The organisation's desired retention, FSRS's default without a setting. */
	double desiredRetention(OrganisationId organisation) {
		return sql.sql("SELECT desired_retention FROM reinforcement_settings WHERE organisation_id = :organisation")
			.param("organisation", organisation.value())
			.query(Double.class)
			.optional()
			.orElse(FsrsParameters.DEFAULT_RETENTION);
	}

	/** Sets the organisation's desired retention. */
	void desiredRetention(OrganisationId organisation, double retention) {
		var updated = sql.sql("UPDATE reinforcement_settings SET desired_retention = :retention WHERE organisation_id = :organisation")
			.param("organisation", organisation.value())
			.param("retention", retention)
			.update();
		if (updated == 0) {
			sql.sql("""
					INSERT INTO reinforcement_settings (organisation_id, desired_retention)
					VALUES (:organisation, :retention)
					ON CONFLICT DO NOTHING
					""")
				.param("organisation", organisation.value())
				.param("retention", retention)
				.update();
		}
	}

	private static Card card(ResultSet rs, int row) throws SQLException {
		var memory = new ReviewCard(CardState.values()[rs.getInt("state")], Timestamps.read(rs, "due"),
				rs.getDouble("stability"), rs.getDouble("difficulty"), rs.getInt("elapsed_days"),
				rs.getInt("scheduled_days"), rs.getInt("reps"), rs.getInt("lapses"), rs.getInt("step"),
				Timestamps.read(rs, "last_review"));
		return new Card(rs.getObject("id", UUID.class), learner(rs), new LessonId(rs.getObject("lesson_id", UUID.class)),
				rs.getInt("version"), rs.getString("interaction_id"), memory);
	}

	private static Learner learner(ResultSet rs) throws SQLException {
		return new Learner(new OrganisationId(rs.getObject("organisation_id", UUID.class)),
				new io.morsel.identity.UserId(rs.getObject("user_id", UUID.class)));
	}
}
