package io.morsel.delivery;

import static io.morsel.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import io.morsel.catalog.Programs;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.learning.Enrolments;
import io.morsel.learning.Learner;
import io.morsel.support.People;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** After the cadence's floor of days without learning, a learner gets one gentle nudge, not one an hour. */
@MorselIntegrationTest
class FloorNudgesTests {

	@Autowired
	FloorNudges floor;

	@Autowired
	Cadences cadences;

	@Autowired
	Directory directory;

	@Autowired
	Programs programs;

	@Autowired
	Enrolments enrolments;

	@Autowired
	Dispatcher dispatcher;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aLearnerAwayLongerThanTheFloorGetsOneNudgeBringingTheNextLesson() {
		var away = learner("Al Away", 3, Instant.now().minus(4, ChronoUnit.DAYS));
		var recent = learner("Rita Recent", 3, Instant.now().minus(2, ChronoUnit.DAYS));
		var noFloor = learner("Nils Nofloor", 0, Instant.now().minus(30, ChronoUnit.DAYS));

		floor.plan(Instant.now());
		floor.plan(Instant.now());

		assertThat(floorDeliveries(away)).hasSize(1);
		assertThat(floorDeliveries(recent)).isEmpty();
		assertThat(floorDeliveries(noFloor)).isEmpty();
		await(() -> {
			dispatcher.sendDue();
			return sends(away) == 1;
		});
		assertThat(floorDeliveries(away)).containsExactly("SENT");
		// An hour later nothing more: the floor counts from the last nudge too.
		floor.plan(Instant.now().plus(1, ChronoUnit.HOURS));
		assertThat(floorDeliveries(away)).hasSize(1);
	}

	private CurrentMember learner(String name, int floorDays, Instant lastLearned) {
		var learner = People.learner(jdbc, directory, "acme", "UTC", name);
		var program = programs.all(learner.organisationId()).stream().filter(p -> p.selfEnrol() && !p.lessons().isEmpty())
			.findFirst().orElseThrow();
		enrolments.enrol(Learner.of(learner), program.id());
		var quietStart = LocalTime.ofInstant(Instant.now().plus(12, ChronoUnit.HOURS), learner.zone())
			.truncatedTo(ChronoUnit.MINUTES);
		cadences.set(learner.organisationId(), Cadences.Level.LEARNER, learner.userId().value(),
				new CadenceSettings(5, 100, new QuietHours(quietStart, quietStart.plusMinutes(1)), List.of(), false,
						floorDays));
		cadences.known(learner.organisationId(), learner.userId());
		jdbc.sql("UPDATE delivery_learners SET last_learned_at = :at WHERE user_id = :user")
			.param("at", Timestamp.from(lastLearned)).param("user", learner.userId().value()).update();
		return learner;
	}

	private List<String> floorDeliveries(CurrentMember learner) {
		return jdbc.sql("SELECT status FROM deliveries WHERE user_id = :user AND reason = 'FLOOR'")
			.param("user", learner.userId().value()).query(String.class).list();
	}

	private long sends(CurrentMember learner) {
		return jdbc.sql("SELECT COUNT(*) FROM delivery_sends WHERE user_id = :user")
			.param("user", learner.userId().value()).query(Long.class).single();
	}
}
