package io.morsel.reinforcement;

import io.morsel.identity.CurrentMember;
import io.morsel.identity.PersonalData;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reinforcement's part of a person's data download: each question they keep in memory (its review card, where it
 * stands and when it falls due) and every review of it, with the answer given and how it was rated.
 */
@Component
@Order(20)
class ReinforcementPersonalData implements PersonalData {

	/** A question the learner reviews, as the scheduler keeps it. */
	record CardEntry(UUID cardId, UUID lessonId, String interactionId, String state, double stability,
			double difficulty, Instant due, @Nullable Instant lastReview, int reps, int lapses) {
	}

	/**
	 * One review: where it came from (the lesson's answer, or a review session), the rating, the answer given (JSON as
	 * sent; null when none was kept) and its credit.
	 */
	record ReviewEntry(UUID cardId, String source, int rating, @Nullable String response, double credit,
			@Nullable Boolean correct, @Nullable Long timeTakenMs, Instant reviewedAt) {
	}

	record ReinforcementPart(List<CardEntry> cards, List<ReviewEntry> reviews) {
	}

	private final JdbcClient jdbc;

	ReinforcementPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String part() {
		return "reinforcement";
	}

	@Override
	public Object of(CurrentMember member) {
		var cards = jdbc.sql("""
				SELECT id, lesson_id, interaction_id, state, stability, difficulty, due, last_review, reps, lapses
				FROM review_cards
				WHERE organisation_id = :organisation
				  AND user_id = :user
				ORDER BY lesson_id, interaction_id
				""")
			.param("organisation", member.organisationId().value())
			.param("user", member.userId().value())
			.query((rs, n) -> {
				var last = rs.getObject(8, OffsetDateTime.class);
				return new CardEntry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
						CardState.values()[rs.getInt(4)].name().toLowerCase(java.util.Locale.ROOT), rs.getDouble(5),
						rs.getDouble(6), rs.getObject(7, OffsetDateTime.class).toInstant(),
						last == null ? null : last.toInstant(), rs.getInt(9), rs.getInt(10));
			})
			.list();
		var reviews = jdbc.sql("""
				SELECT card_id, source, rating, response, credit, correct, time_taken_ms, reviewed_at
				FROM reviews
				WHERE organisation_id = :organisation
				  AND user_id = :user
				ORDER BY reviewed_at, id
				""")
			.param("organisation", member.organisationId().value())
			.param("user", member.userId().value())
			.query((rs, n) -> new ReviewEntry(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
					rs.getString(4), rs.getDouble(5), rs.getObject(6, Boolean.class), rs.getObject(7, Long.class),
					rs.getObject(8, OffsetDateTime.class).toInstant()))
			.list();
		return new ReinforcementPart(cards, reviews);
	}
}
