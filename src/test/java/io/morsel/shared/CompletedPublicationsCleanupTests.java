package io.morsel.shared;

import static io.morsel.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.morsel.MorselIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The nightly cleanup deletes publications completed over a week ago, and nothing a node would still resubmit. */
@MorselIntegrationTest
class CompletedPublicationsCleanupTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RecurringTask<Void> completedPublicationsCleanupTask;

	@Test
	void publicationsCompletedOverAWeekAgoGoAndTheRestStay() {
		var now = Instant.now();
		var oldCompleted = publication(now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(8)));
		var recentCompleted = publication(now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(2)));
		var oldIncomplete = publication(now.minus(Duration.ofDays(30)), null);

		completedPublicationsCleanupTask.execute(completedPublicationsCleanupTask.instance("recurring"), null);

		var left = jdbc.sql("SELECT id FROM event_publication WHERE id IN (:ids)")
			.param("ids", List.of(oldCompleted, recentCompleted, oldIncomplete))
			.query(UUID.class)
			.list();
		assertThat(left).containsExactlyInAnyOrder(recentCompleted, oldIncomplete);
	}

	/** A publication of no known event left incomplete would be read by every resubmission after this test. */
	@AfterEach
	void removeTheTestsPublications() {
		jdbc.sql("DELETE FROM event_publication WHERE listener_id = 'cleanup-test'").update();
	}

	@Test
	void itIsScheduledOnceForTheClusterEachNight() {
		// The scheduler registers its recurring tasks when it starts: the row is what every node claims from.
		await(() -> jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = :name")
			.param("name", completedPublicationsCleanupTask.getName())
			.query(Integer.class)
			.single() == 1);
		var next = jdbc.sql("SELECT execution_time FROM scheduled_tasks WHERE task_name = :name")
			.param("name", completedPublicationsCleanupTask.getName())
			.query(OffsetDateTime.class)
			.list();
		assertThat(next).hasSize(1);
		assertThat(next.getFirst().atZoneSameInstant(ZoneOffset.UTC).toLocalTime()).isEqualTo(LocalTime.of(3, 15));
	}

	private UUID publication(Instant published, @Nullable Instant completed) {
		var id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date,
				                               completion_date, status, completion_attempts)
				VALUES (:id, 'cleanup-test', 'cleanup-test', '{}', :published, :completed, :status, 1)
				""")
			.param("id", id)
			.param("published", Timestamps.of(published))
			.param("completed", completed == null ? null : Timestamps.of(completed), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
			.param("status", completed == null ? "FAILED" : "COMPLETED")
			.update();
		return id;
	}
}
