package io.morsel.authoring;

import static io.morsel.support.Csrf.csrf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.morsel.MorselIntegrationTest;
import io.morsel.catalog.Block;
import io.morsel.catalog.LessonContent;
import io.morsel.catalog.LessonId;
import io.morsel.catalog.Lessons;
import io.morsel.catalog.Objective;
import io.morsel.catalog.ProgramId;
import io.morsel.catalog.Programs;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.identity.SignedIn;
import io.morsel.support.Api;
import io.morsel.support.People;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * A program's "why take it" line: authors write it in the studio or through the API, in their learners' words (the
 * objective linter's rules are not for it), at most 160 characters; learners read it on the program's card and page,
 * where managers read the business outcome, which learners do not see.
 */
@MorselIntegrationTest
class ProgramWhyTests {

	private static final String OUTCOME = "Drivers plan a day's route in under ten minutes";
	/** Vague for an objective ("understand"), and not measurable: fine for a line that speaks to learners. */
	private static final String WHY = "Understand your day before it starts, and get home earlier";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Directory directory;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	Lessons lessons;

	@Autowired
	Programs programs;

	@Autowired
	JsonMapper json;

	@LocalServerPort
	int port;

	String slug;
	CurrentMember author;
	CurrentMember learner;
	CurrentMember manager;
	ProgramId program;

	@BeforeEach
	void anOrganisationWithAProgram() {
		slug = "why-" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.sql("INSERT INTO organisations (id, slug, name, created_at) VALUES (?, ?, ?, ?)")
			.params(UUID.randomUUID(), slug, "Why " + slug, OffsetDateTime.now()).update();
		author = People.member(jdbc, directory, slug, "UTC", "Aura Author", "AUTHOR");
		jdbc.sql("UPDATE users SET password_hash = ? WHERE id = ?")
			.params(passwords.encode("morsel-demo"), author.userId().value()).update();
		learner = People.learner(jdbc, directory, slug, "UTC", "Lee Learner");
		manager = People.member(jdbc, directory, slug, "UTC", "Max Manager", "LEARNER", "MANAGER");
		var lesson = lessons.create(author, new LessonContent("Plan a route", new Objective("Plan a day's route."), 3,
				List.of(), List.of(new Block.Text("Start with the farthest stop.")))).lessonId();
		lessons.publish(author, lesson);
		program = programs.create(author.organisationId(), "routes", "Route planning", OUTCOME, null, true,
				List.of(lesson)).id();
	}

	@Test
	void learnersReadWhyToTakeItAndManagersAlsoReadTheOutcome() throws Exception {
		var saved = mvc.perform(post("/studio/programs/" + program.value() + "/details").with(SignedIn.as(author))
			.with(csrf()).param("title", "Route planning").param("outcome", OUTCOME).param("selfEnrol", "true")
			.param("why", "  " + WHY + " ")).andReturn().getResponse();

		assertThat(saved.getRedirectedUrl()).isEqualTo("/studio/programs/" + program.value());
		assertThat(programs.find(author.organisationId(), program).orElseThrow().why()).isEqualTo(WHY);
		assertThat(page(author, "/studio/programs/" + program.value())).contains("value=\"" + WHY + "\"");
		for (var path : List.of("/today", "/catalog", "/programs/" + program.value())) {
			assertThat(page(learner, path)).as(path).contains(WHY).doesNotContain(OUTCOME.replace("'", "&#39;"));
			assertThat(page(manager, path)).as(path).contains(WHY, OUTCOME.replace("'", "&#39;"));
		}
	}

	@Test
	void aLineTooLongIsRefusedOnTheFormWithWhatToFixAndNothingChanges() throws Exception {
		var tooLong = "a".repeat(161);

		var refused = mvc.perform(post("/studio/programs/" + program.value() + "/details").with(SignedIn.as(author))
			.with(csrf()).param("title", "Route planning, renamed").param("outcome", OUTCOME).param("selfEnrol", "true")
			.param("why", tooLong)).andReturn().getResponse();

		assertThat(refused.getStatus()).isEqualTo(200);
		assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("role=\"alert\"",
				"The line on why to take the program has at most 160 characters; this one has 161",
				"value=\"" + tooLong + "\"");
		var kept = programs.find(author.organisationId(), program).orElseThrow();
		assertThat(kept.title()).as("nothing of the refused save is kept").isEqualTo("Route planning");
		assertThat(kept.why()).isNull();
	}

	@Test
	void theApiTakesTheLineAndRefusesOneTooLongWithAProblemNamingTheField() throws Exception {
		var api = Api.on(port);
		var token = api.token(author.email(), slug);
		var path = "/api/v1/programs/" + program.value();
		var lesson = programs.find(author.organisationId(), program).orElseThrow().lessons().getFirst();

		var tooLong = api.put(token, path, "*", body("b".repeat(161), lesson));
		var saved = api.put(token, path, "*", body(WHY, lesson));

		assertThat(tooLong.getStatusCode().value()).isEqualTo(400);
		var problem = json.readTree(tooLong.getBody());
		assertThat(problem.get("type").asString()).isEqualTo("/problems/validation");
		assertThat(problem.get("errors").findValuesAsString("field")).containsExactly("why");
		assertThat(saved.getStatusCode().value()).as(saved.getBody()).isEqualTo(200);
		assertThat(json.readTree(api.get(token, path).getBody()).get("why").asString()).isEqualTo(WHY);
		assertThat(page(learner, "/catalog")).contains(WHY);
	}

	private static Map<String, Object> body(String why, LessonId lesson) {
		return Map.of("title", "Route planning", "outcome", OUTCOME, "selfEnrol", true, "lessons",
				List.of(lesson.value()), "why", why);
	}

	private String page(CurrentMember member, String path) throws Exception {
		return mvc.perform(get(path).with(SignedIn.as(member))).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}
}
