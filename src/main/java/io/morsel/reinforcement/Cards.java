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
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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

	Cards(JdbcClient sql) {
		this.sql = sql;
	}

	/** A card's id: the same for the same learner and question, so that an event handled twice makes one card. */
	static UUID idOf(Learner learner, LessonId lesson, String interaction) {
		var key = learner.organisationId().value() + "/" + learner.userId().value() + "/" + lesson.value() + "/"
				+ interaction;
		return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
	}

	/** Inserts the card unless the learner has it already; whether it was inserted. */
	boolean insert(Card card) {
		var memory = card.memory();
		return sql.sql("""
				INSERT INTO review_cards (id, organisation_id, user_id, lesson_id, version, interaction_id, state, step,
				                          stability, difficulty, elapsed_days, scheduled_days, due, last_review, reps,
				                          lapses)
				VALUES (:id, :organisation, :user, :lesson, :version, :interaction, :state, :step,
				        :stability, :difficulty, :elapsed, :scheduled, :due, :lastReview, :reps,
				        :lapses)
				ON CONFLICT DO NOTHING
				""")
			.param("id", card.id())
			.param("organisation", card.learner().organisationId().value())
			.param("user", card.learner().userId().value())
			.param("lesson", card.lessonId().value())
			.param("version", card.version())
			.param("interaction", card.interactionId())
			.param("state", memory.state().ordinal())
			.param("step", memory.step())
			.param("stability", memory.stability())
			.param("difficulty", memory.difficulty())
			.param("elapsed", memory.elapsedDays())
			.param("scheduled", memory.scheduledDays())
			.param("due", Timestamps.of(memory.due()))
			.param("lastReview", Timestamps.of(memory.lastReview()), Types.TIMESTAMP_WITH_TIMEZONE)
			.param("reps", memory.reps())
			.param("lapses", memory.lapses())
			.update() > 0;
	}

	/** A card and its organisation's desired retention. */
	record Found(Card card, double desiredRetention) {
	}

	/** The learner's card, with their organisation's desired retention; another learner's card is not found. */
	Optional<Found> find(Learner learner, UUID id) {
		return sql.sql("""
				SELECT c.id, c.organisation_id, c.user_id, c.lesson_id, c.version, c.interaction_id, c.state, c.step,
				       c.stability, c.difficulty, c.elapsed_days, c.scheduled_days, c.due, c.last_review, c.reps,
				       c.lapses, s.desired_retention
				FROM review_cards c
				LEFT JOIN reinforcement_settings s ON s.organisation_id = c.organisation_id
				WHERE c.id = :id
				  AND c.organisation_id = :organisation
				  AND c.user_id = :user
				""")
			.param("id", id)
			.param("organisation", learner.organisationId().value())
			.param("user", learner.userId().value())
			.query((rs, n) -> new Found(card(rs, n), rs.getObject("desired_retention") == null
					? FsrsParameters.DEFAULT_RETENTION : rs.getDouble("desired_retention")))
			.optional();
	}

	/** The card, locked until the commit, so that two reviews of it are made one after the other. */
	Card lock(UUID id) {
		return sql.sql("""
				SELECT id, organisation_id, user_id, lesson_id, version, interaction_id, state, step, stability,
				       difficulty, elapsed_days, scheduled_days, due, last_review, reps, lapses
				FROM review_cards
				WHERE id = :id
				FOR UPDATE
				""")
			.param("id", id)
			.query(Cards::card)
			.single();
	}

	/**
	 * The learner's cards falling due before {@code before}, soonest first, at most {@code most}; and how many reviews
	 * they made since {@code since}, in one statement: a range scan of each table's index.
	 */
	Due due(Learner learner, Instant before, Instant since, int most) {
		var done = new int[1];
		var cards = sql.sql("""
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
				           ORDER BY due
				           LIMIT :most) c ON 1 = 1
				ORDER BY c.due
				""")
			.param("organisation", learner.organisationId().value())
			.param("user", learner.userId().value())
			.param("since", Timestamps.of(since))
			.param("before", Timestamps.of(before))
			.param("most", most)
			.query((rs, n) -> {
				done[0] = rs.getInt("done");
				return rs.getObject("id") == null ? null : card(rs, n);
			})
			.list();
		return new Due(cards.stream().filter(card -> card != null).toList(), done[0]);
	}

	/** Cards due, soonest first, and the reviews made so far today. */
	record Due(List<Card> cards, int reviewedToday) {
	}

	void update(Card card) {
		var memory = card.memory();
		sql.sql("""
				UPDATE review_cards
				SET state = :state, step = :step, stability = :stability, difficulty = :difficulty,
				    elapsed_days = :elapsed, scheduled_days = :scheduled, due = :due, last_review = :lastReview,
				    reps = :reps, lapses = :lapses
				WHERE id = :id
				""")
			.param("id", card.id())
			.param("state", memory.state().ordinal())
			.param("step", memory.step())
			.param("stability", memory.stability())
			.param("difficulty", memory.difficulty())
			.param("elapsed", memory.elapsedDays())
			.param("scheduled", memory.scheduledDays())
			.param("due", Timestamps.of(memory.due()))
			.param("lastReview", Timestamps.of(memory.lastReview()), Types.TIMESTAMP_WITH_TIMEZONE)
			.param("reps", memory.reps())
			.param("lapses", memory.lapses())
			.update();
	}

	void insert(NewReview review) {
		var after = review.after();
		sql.sql("""
				INSERT INTO reviews (id, organisation_id, user_id, card_id, source, rating, response, credit, correct,
				                     time_taken_ms, reviewed_at, state, stability, difficulty, due)
				VALUES (:id, :organisation, :user, :card, :source, :rating, :response, :credit, :correct,
				        :timeTaken, :at, :state, :stability, :difficulty, :due)
				""")
			.param("id", review.id())
			.param("organisation", review.card().learner().organisationId().value())
			.param("user", review.card().learner().userId().value())
			.param("card", review.card().id())
			.param("source", review.source().column())
			.param("rating", review.rating().grade())
			.param("response", review.response(), Types.VARCHAR)
			.param("credit", review.credit())
			.param("correct", review.correct(), Types.BOOLEAN)
			.param("timeTaken", review.timeTaken() == null ? null : review.timeTaken().toMillis(), Types.BIGINT)
			.param("at", Timestamps.of(review.at()))
			.param("state", after.state().ordinal())
			.param("stability", after.stability())
			.param("difficulty", after.difficulty())
			.param("due", Timestamps.of(after.due()))
			.update();
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

	/** Whether a review with this id is stored. */
	boolean reviewed(UUID id) {
		return sql.sql("SELECT count(*) FROM reviews WHERE id = :id").param("id", id).query(Integer.class).single() > 0;
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
		var learner = new Learner(new OrganisationId(rs.getObject("organisation_id", UUID.class)),
				new io.morsel.identity.UserId(rs.getObject("user_id", UUID.class)));
		return new Card(rs.getObject("id", UUID.class), learner, new LessonId(rs.getObject("lesson_id", UUID.class)),
				rs.getInt("version"), rs.getString("interaction_id"), memory);
	}
}
