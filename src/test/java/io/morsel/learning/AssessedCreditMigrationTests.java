package io.morsel.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.morsel.TestInfrastructure;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Migration V15 gives attempts started before V13 a credit that can do no harm, and makes the column NOT NULL: on the
 * database the tests run on (PostgreSQL, or H2 with {@code -Dmorsel.test.database=h2}).
 */
class AssessedCreditMigrationTests {

	private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 1, 9, 0, 0, 0, ZoneOffset.UTC);

	@Test
	void attemptsWithoutKeptCreditGetTheirAnswersCreditWhenCompletedAndNoneWhileInProgress() {
		var db = TestInfrastructure.freshDatabase();
		var source = new DriverManagerDataSource(db.url(), db.username(), db.password());
		var sql = JdbcClient.create(source);
		migrate(source, "14");
		var completed = attempt(sql, NOW, null);
		answer(sql, completed, "a", 1.0);
		answer(sql, completed, "b", 0.5);
		var inProgress = attempt(sql, null, null);
		answer(sql, inProgress, "a", 1.0);
		var kept = attempt(sql, null, 0.75);

		migrate(source, "15");

		assertThat(credit(sql, completed)).isEqualTo(1.5);
		assertThat(credit(sql, inProgress)).isZero();
		assertThat(credit(sql, kept)).isEqualTo(0.75);
		assertThatThrownBy(() -> sql.sql("UPDATE lesson_attempts SET assessed_credit = NULL WHERE id = :id")
			.param("id", kept)
			.update()).isInstanceOf(DataIntegrityViolationException.class);
	}

	private static void migrate(DriverManagerDataSource source, String version) {
		Flyway.configure().dataSource(source).locations("classpath:db/migration").target(version).load().migrate();
	}

	private static UUID attempt(JdbcClient sql, @Nullable OffsetDateTime completedAt, @Nullable Double credit) {
		var id = UUID.randomUUID();
		sql.sql("""
				INSERT INTO lesson_attempts (id, organisation_id, user_id, lesson_id, version, step, started_at, updated_at,
				                             completed_at, assessed_credit)
				VALUES (:id, :organisation, :user, :lesson, 1, 0, :now, :now, :completed, :credit)
				""")
			.param("id", id)
			.param("organisation", UUID.randomUUID())
			.param("user", UUID.randomUUID())
			.param("lesson", UUID.randomUUID())
			.param("now", NOW)
			.param("completed", completedAt, java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
			.param("credit", credit, java.sql.Types.DOUBLE)
			.update();
		return id;
	}

	private static void answer(JdbcClient sql, UUID attempt, String interaction, double credit) {
		sql.sql("""
				INSERT INTO answers (attempt_id, interaction_id, organisation_id, response, credit, answered_at)
				VALUES (:attempt, :interaction, :organisation, '{}', :credit, :now)
				""")
			.param("attempt", attempt)
			.param("interaction", interaction)
			.param("organisation", UUID.randomUUID())
			.param("credit", credit)
			.param("now", NOW)
			.update();
	}

	private static double credit(JdbcClient sql, UUID attempt) {
		return sql.sql("SELECT assessed_credit FROM lesson_attempts WHERE id = :id")
			.param("id", attempt)
			.query(Double.class)
			.single();
	}
}
