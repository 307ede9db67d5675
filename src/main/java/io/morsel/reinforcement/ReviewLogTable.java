package io.morsel.reinforcement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The review log as the optimizer reads it, from reinforcement's {@code reviews} table (card, time, rating of every
 * review, the lesson's answer included). Until that table exists the log is empty, so the fitting page works, and
 * says there is not enough history, on a database without it.
 */
@Component
class ReviewLogTable implements ReviewHistory {

	private static final String EXISTS = """
			SELECT COUNT(*)
			FROM information_schema.tables
			WHERE LOWER(table_name) = 'reviews'
			""";

	private static final String REVIEWS = """
			SELECT card_id, reviewed_at, rating
			FROM reviews
			WHERE organisation_id = :organisation
			ORDER BY card_id, reviewed_at
			""";

	private static final String COUNT = """
			SELECT COUNT(*)
			FROM reviews
			WHERE organisation_id = :organisation
			""";

	private final JdbcClient sql;
	private volatile boolean exists;

	ReviewLogTable(JdbcClient sql) {
		this.sql = sql;
	}

	@Override
	public List<LoggedReview> reviewsOf(UUID organisationId) {
		if (!exists()) {
			return List.of();
		}
		return sql.sql(REVIEWS).param("organisation", organisationId).query(ReviewLogTable::review).list();
	}

	@Override
	public int countOf(UUID organisationId) {
		if (!exists()) {
			return 0;
		}
		return sql.sql(COUNT).param("organisation", organisationId).query(Long.class).single().intValue();
	}

	/** Asked until the table is there, then never again: a table, once created by a migration, stays. */
	private boolean exists() {
		if (!exists) {
			exists = sql.sql(EXISTS).query(Long.class).single() > 0;
		}
		return exists;
	}

	private static LoggedReview review(ResultSet row, int number) throws SQLException {
		return new LoggedReview(row.getObject("card_id", UUID.class), row.getTimestamp("reviewed_at").toInstant(),
				Rating.of(row.getInt("rating")));
	}
}
