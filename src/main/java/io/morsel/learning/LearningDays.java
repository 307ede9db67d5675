package io.morsel.learning;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The learner_days and learner_goals tables: each learner's tally per day of their own calendar, added to in the
 * transaction that stores the answers or completes the lesson, and their daily goal.
 */
@Component
class LearningDays {

	private final JdbcTemplate jdbc;
	private final JdbcClient sql;

	LearningDays(JdbcTemplate jdbc, JdbcClient sql) {
		this.jdbc = jdbc;
		this.sql = sql;
	}

	/**
	 * Adds to each learner's day, in the caller's transaction, in the keys' order. A day's row is made first if
	 * missing (two nodes may make it at once: the second inserts nothing), then added to, which is exact under the
	 * row's lock.
	 */
	void add(Map<Answers.DayKey, LearningDay> days) {
		if (days.isEmpty()) {
			return;
		}
		var rows = List.copyOf(days.entrySet());
		jdbc.batchUpdate("""
				INSERT INTO learner_days (organisation_id, user_id, learned_on, seconds, lessons, mastered)
				VALUES (?, ?, ?, 0, 0, 0)
				ON CONFLICT DO NOTHING
				""", rows, rows.size(), (statement, row) -> {
			statement.setObject(1, row.getKey().organisation());
			statement.setObject(2, row.getKey().user());
			statement.setObject(3, row.getKey().day());
		});
		// An answer without its time taken, and no lesson completed, adds nothing: its day's row is made (a day
		// learned), but not rewritten with the same figures.
		var adding = rows.stream().filter(row -> !row.getValue().addsNothing()).toList();
		if (adding.isEmpty()) {
			return;
		}
		jdbc.batchUpdate("""
				UPDATE learner_days
				SET seconds = seconds + ?, lessons = lessons + ?, mastered = mastered + ?
				WHERE user_id = ?
				  AND organisation_id = ?
				  AND learned_on = ?
				""", adding, adding.size(), (statement, row) -> {
			statement.setLong(1, row.getValue().seconds());
			statement.setInt(2, row.getValue().lessons());
			statement.setInt(3, row.getValue().mastered());
			statement.setObject(4, row.getKey().user());
			statement.setObject(5, row.getKey().organisation());
			statement.setObject(6, row.getKey().day());
		});
	}

	/** The learner's goal, or the starting one, and every day they learned, newest first: one query. */
	Standing standing(Learner learner) {
		var goal = new DailyGoal[] { DailyGoal.STARTING };
		var days = new java.util.ArrayList<LearningDay>();
		sql.sql("""
				SELECT g.kind, g.amount, g.weekends_off, d.learned_on, d.seconds, d.lessons, d.mastered
				FROM (SELECT CAST(:organisation AS uuid) AS organisation_id, CAST(:user AS uuid) AS user_id) me
				LEFT JOIN learner_goals g
				  ON g.organisation_id = me.organisation_id AND g.user_id = me.user_id
				LEFT JOIN learner_days d
				  ON d.organisation_id = me.organisation_id AND d.user_id = me.user_id
				ORDER BY d.learned_on DESC
				""")
			.param("organisation", learner.organisationId().value())
			.param("user", learner.userId().value())
			.query(rs -> {
				if (rs.getString(1) != null) {
					goal[0] = new DailyGoal(DailyGoal.Kind.valueOf(rs.getString(1)), rs.getInt(2), rs.getBoolean(3));
				}
				var day = rs.getObject(4, LocalDate.class);
				if (day != null) {
					days.add(new LearningDay(day, rs.getLong(5), rs.getInt(6), rs.getInt(7)));
				}
			});
		return new Standing(goal[0], List.copyOf(days));
	}

	/** A learner's goal and days. */
	record Standing(DailyGoal goal, List<LearningDay> days) {
	}

	/** Sets the learner's goal, made or changed. */
	void set(Learner learner, DailyGoal goal) {
		var changed = sql.sql("""
				UPDATE learner_goals
				SET kind = :kind, amount = :amount, weekends_off = :weekendsOff
				WHERE organisation_id = :organisation
				  AND user_id = :user
				""")
			.param("organisation", learner.organisationId().value())
			.param("user", learner.userId().value())
			.param("kind", goal.kind().name())
			.param("amount", goal.amount())
			.param("weekendsOff", goal.weekendsOff())
			.update();
		if (changed == 0) {
			sql.sql("""
					INSERT INTO learner_goals (organisation_id, user_id, kind, amount, weekends_off)
					VALUES (:organisation, :user, :kind, :amount, :weekendsOff)
					ON CONFLICT DO NOTHING
					""")
				.param("organisation", learner.organisationId().value())
				.param("user", learner.userId().value())
				.param("kind", goal.kind().name())
				.param("amount", goal.amount())
				.param("weekendsOff", goal.weekendsOff())
				.update();
		}
	}
}
