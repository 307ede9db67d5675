package io.morsel.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.morsel.MorselIntegrationTest;
import io.morsel.catalog.Program;
import io.morsel.catalog.Programs;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.identity.SignedIn;
import io.morsel.learning.Learner;
import io.morsel.support.Csrf;
import io.morsel.support.People;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A learner takes a program as a series from its page with a plain form, and pauses, resumes and leaves it from the
 * list of their series; bad days or times get the form back with what was wrong, and another organisation's program
 * is not found.
 */
@MorselIntegrationTest
class SeriesPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Series series;

	@Autowired
	Programs programs;

	@Autowired
	Directory directory;

	@Autowired
	JdbcClient jdbc;

	CurrentMember learner;
	Program program;

	@BeforeEach
	void setUp() {
		learner = People.learner(jdbc, directory, "acme", "Europe/Paris", "Paula Pages");
		program = programs.all(learner.organisationId()).stream()
			.filter(p -> p.offered() && p.selfEnrol() && !p.lessons().isEmpty()).findFirst().orElseThrow();
	}

	@Test
	void aProgramTakenAsASeriesFromItsPageIsPlannedAtTheLearnersTimeAndCanBePausedResumedAndLeft()
			throws Exception {
		var form = "/delivery/series/programs/" + program.id();
		assertThat(page("/programs/" + program.id())).contains("Get it as a series", form);
		assertThat(page(form)).contains("Europe/Paris", "name=\"days\"", "name=\"at\"");

		var subscribed = send(post(form).param("days", "5").param("at", "07:30"));
		assertThat(subscribed.getRedirectedUrl()).isEqualTo("/delivery/series");
		assertThat(planned()).singleElement()
			.satisfies(when -> assertThat(LocalTime.ofInstant(when, learner.zone())).isEqualTo(LocalTime.of(7, 30)));
		var list = page("/delivery/series");
		assertThat(list).contains(program.title().replace("'", "&#39;"), "5 days, one lesson a day at 07:30",
				"Active", "Pause", "Leave");
		assertThat(list).doesNotContain("Get " + program.title() + " as a series");

		send(post("/delivery/series/" + program.id() + "/pause"));
		assertThat(planned()).isEmpty();
		assertThat(page("/delivery/series")).contains("Paused", "Resume");

		send(post("/delivery/series/" + program.id() + "/resume"));
		assertThat(planned()).hasSize(1);

		send(post("/delivery/series/" + program.id() + "/leave"));
		assertThat(planned()).isEmpty();
		assertThat(series.of(Learner.of(learner))).singleElement()
			.satisfies(s -> assertThat(s.status()).isEqualTo("LEFT"));
		assertThat(page("/delivery/series")).contains("You take no program as a series yet.");
	}

	@Test
	void badDaysOrTimesGetTheFormBackWithWhatWasWrong() throws Exception {
		var form = "/delivery/series/programs/" + program.id();
		for (var days : List.of("0", "91", "ten", "")) {
			var refused = send(post(form).param("days", days).param("at", "07:30"));
			assertThat(refused.getStatus()).isEqualTo(400);
			assertThat(refused.getContentAsString()).contains("Choose from 1 to 90 days.", "role=\"alert\"");
		}
		for (var at : List.of("25:99", "half past seven", "")) {
			var refused = send(post(form).param("days", "5").param("at", at));
			assertThat(refused.getStatus()).isEqualTo(400);
			assertThat(refused.getContentAsString()).contains("Give a time of day, such as 08:30.");
		}
		assertThat(series.of(Learner.of(learner))).isEmpty();
		assertThat(planned()).isEmpty();
	}

	@Test
	void anotherOrganisationsProgramIsNotFound() throws Exception {
		var globex = programs.all(directory.organisation("globex").orElseThrow()).getFirst().id();
		assertThat(send(get("/delivery/series/programs/" + globex)).getStatus()).isEqualTo(404);
		assertThat(send(post("/delivery/series/programs/" + globex).param("days", "5").param("at", "07:30"))
			.getStatus()).isEqualTo(404);
		assertThat(send(post("/delivery/series/" + globex + "/pause")).getStatus()).isEqualTo(404);
		assertThat(series.of(Learner.of(learner))).isEmpty();
		assertThat(page("/delivery/series")).doesNotContain(globex.toString());
	}

	private String page(String path) throws Exception {
		var response = mvc.perform(get(path).with(SignedIn.as(learner))).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString();
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(SignedIn.as(learner)).with(Csrf.csrf())).andReturn().getResponse();
	}

	private List<Instant> planned() {
		return jdbc.sql("""
				SELECT send_at FROM deliveries
				WHERE user_id = :user AND reason = 'SERIES' AND status = 'PLANNED'
				""").param("user", learner.userId().value()).query(Timestamp.class).list().stream()
			.map(Timestamp::toInstant).toList();
	}
}
