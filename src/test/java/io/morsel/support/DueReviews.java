package io.morsel.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tests make review cards due by moving their due times, as time passing would. The learner's earliest due time
 * (learning's ReviewDueTimes, which Today reads instead of the cards) is moved with them, as the writers keep it.
 */
public final class DueReviews {

	private DueReviews() {
	}

	/** Every card of the user falls due at this time. */
	public static void all(JdbcClient jdbc, UUID user, Instant at) {
		jdbc.sql("UPDATE review_cards SET due = :at WHERE user_id = :user")
			.param("at", Timestamp.from(at))
			.param("user", user)
			.update();
		kept(jdbc, user);
	}

	/** The user's earliest due time made their cards' again, after a test moved some of them. */
	public static void kept(JdbcClient jdbc, UUID user) {
		jdbc.sql("""
				UPDATE learner_review_due
				SET earliest_due = (SELECT MIN(c.due)
				                    FROM review_cards c
				                    WHERE c.organisation_id = learner_review_due.organisation_id
				                      AND c.user_id = learner_review_due.user_id)
				WHERE user_id = :user
				""")
			.param("user", user)
			.update();
	}
}
