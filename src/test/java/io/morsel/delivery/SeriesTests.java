package io.morsel.delivery;

import static io.morsel.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.morsel.MorselIntegrationTest;
import io.morsel.catalog.Program;
import io.morsel.catalog.Programs;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.learning.Learner;
import io.morsel.shared.InvalidValueException;
import io.morsel.support.Api;
import io.morsel.support.People;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A learner takes a program as a series: one nudge a day at their chosen time, bringing the next thing by the one
 * next-up rule (here, the program's next lesson), for as many days as they chose; paused or left, nothing comes.
 */
@MorselIntegrationTest
class SeriesTests {

	@LocalServerPort
	int port;

	@Autowired
	Series series;

	@Autowired
	Programs programs;

	@Autowired
	Directory directory;

	@Autowired
	Cadences cadences;

	@Autowired
	Dispatcher dispatcher;

	@Autowired
	JdbcClient jdbc;

	CurrentMember learner;
	Program program;
	LocalTime at;

	@BeforeEach
	void setUp() {
		learner = People.learner(jdbc, directory, "acme", "America/New_York", "Sam Series");
		Deliveries.openAllDay(cadences, learner, 20);
		program = programs.all(learner.organisationId()).stream().filter(p -> p.selfEnrol() && !p.lessons().isEmpty())
			.findFirst().orElseThrow();
		at = LocalTime.ofInstant(Instant.now().plus(3, ChronoUnit.HOURS), learner.zone()).truncatedTo(ChronoUnit.MINUTES);
	}

	@Test
	void eachDayOfASeriesBringsTheNextLessonAtItsTimeAndPlansTheNextDay() {
		var subscribed = series.subscribe(Learner.of(learner), learner.zone(), program.id(), 3, at);

		assertThat(subscribed.status()).isEqualTo("ACTIVE");
		var planned = planned();
		assertThat(planned).singleElement()
			.satisfies(when -> assertThat(LocalTime.ofInstant(when, learner.zone())).isEqualTo(at));
		assertThat(planned.getFirst()).isAfter(Instant.now());

		dueNow();
		await(() -> {
			dispatcher.sendDue();
			return sends().size() == 1;
		});

		var send = sends().getFirst();
		assertThat(send.get("kind")).isEqualTo("SERIES");
		assertThat((String) send.get("path")).isEqualTo("/lessons/" + program.lessons().getFirst().value());
		assertThat(series.of(Learner.of(learner))).singleElement()
			.satisfies(s -> assertThat(s.daysSent()).isEqualTo(1));
		// The next day's nudge, at the same time of the learner's clock; missed days never pile up.
		assertThat(planned()).singleElement().satisfies(when -> {
			assertThat(LocalTime.ofInstant(when, learner.zone())).isEqualTo(at);
			assertThat(when).isAfter(Instant.now().plus(1, ChronoUnit.HOURS));
		});
	}

	@Test
	void aPausedSeriesSendsNothingUntilResumedAndALeftOneNothingAtAll() {
		series.subscribe(Learner.of(learner), learner.zone(), program.id(), 5, at);

		assertThat(series.pause(Learner.of(learner), program.id()).status()).isEqualTo("PAUSED");
		assertThat(planned()).isEmpty();
		dispatcher.sendDue();
		assertThat(sends()).isEmpty();

		assertThat(series.resume(Learner.of(learner), learner.zone(), program.id()).status()).isEqualTo("ACTIVE");
		assertThat(planned()).hasSize(1);

		series.leave(Learner.of(learner), program.id());
		assertThat(planned()).isEmpty();
		assertThat(series.of(Learner.of(learner))).singleElement().satisfies(s -> assertThat(s.status()).isEqualTo("LEFT"));
	}

	@Test
	void aSeriesFinishesAfterItsDays() {
		series.subscribe(Learner.of(learner), learner.zone(), program.id(), 1, at);
		dueNow();
		await(() -> {
			dispatcher.sendDue();
			return sends().size() == 1;
		});

		assertThat(series.of(Learner.of(learner))).singleElement()
			.satisfies(s -> assertThat(s.status()).isEqualTo("FINISHED"));
		assertThat(planned()).isEmpty();
	}

	@Test
	void badDaysTimesAndOtherOrganisationsProgramsAreRefused() {
		assertThatThrownBy(() -> series.subscribe(Learner.of(learner), learner.zone(), program.id(), 0, at))
			.isInstanceOf(InvalidValueException.class);
		var api = Api.on(port);
		var token = api.token("learner@acme.test", "acme");
		var path = "/api/v1/delivery/series/" + program.id().value();
		assertThat(api.put(token, path, Map.of("days", 10, "at", "25:99")).getStatusCode().value()).isEqualTo(400);
		assertThat(api.put(token, path, Map.of("days", 91, "at", "08:00")).getStatusCode().value()).isEqualTo(400);
		var globex = programs.all(directory.organisation("globex").orElseThrow()).getFirst().id().value();
		assertThat(api.put(token, "/api/v1/delivery/series/" + globex, Map.of("days", 10, "at", "08:00"))
			.getStatusCode().value()).isEqualTo(404);
		assertThat(api.post(token, "/api/v1/delivery/series/" + globex + "/pause", Map.of()).getStatusCode().value())
			.isEqualTo(404);
	}

	private List<Instant> planned() {
		return jdbc.sql("""
				SELECT send_at FROM deliveries
				WHERE user_id = :user AND reason = 'SERIES' AND status = 'PLANNED'
				""").param("user", learner.userId().value()).query(Timestamp.class).list().stream()
			.map(Timestamp::toInstant).toList();
	}

	private List<Map<String, Object>> sends() {
		return jdbc.sql("SELECT kind, path FROM delivery_sends WHERE user_id = :user")
			.param("user", learner.userId().value()).query().listOfRows();
	}

	private void dueNow() {
		jdbc.sql("""
				UPDATE deliveries SET send_at = :now, available_at = :now
				WHERE user_id = :user AND status = 'PLANNED'
				""").param("now", Timestamp.from(Instant.now())).param("user", learner.userId().value()).update();
	}
}
