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
 * A lesson's "why take it" line, as programs have one: authors set it on the draft in the studio or through the API,
 * in their learners' words (not linted), at most 160 characters; it is part of the version, so learners read it once
 * the draft is published, on the player's first screen and on the catalog's and the program's pages.
 */
@MorselIntegrationTest
class LessonWhyTests {

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
	LessonId lesson;
	ProgramId program;

	@BeforeEach
	void anOrganisationWithAPublishedLessonInAProgram() {
		slug = "lesson-why-" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.sql("INSERT INTO organisations (id, slug, name, created_at) VALUES (?, ?, ?, ?)")
			.params(UUID.randomUUID(), slug, "Lesson why " + slug, OffsetDateTime.now()).update();
		author = People.member(jdbc, directory, slug, "UTC", "Aura Author", "AUTHOR");
		jdbc.sql("UPDATE users SET password_hash = ? WHERE id = ?")
			.params(passwords.encode("morsel-demo"), author.userId().value()).update();
		learner = People.learner(jdbc, directory, slug, "UTC", "Lee Learner");
		lesson = lessons.create(author, new LessonContent("Plan a route", new Objective("Plan a day's route."), 3,
				List.of(), List.of(new Block.Text("Start with the farthest stop.")))).lessonId();
		lessons.publish(author, lesson);
		program = programs.create(author.organisationId(), "routes", "Route planning",
				"Drivers plan a day's route in ten minutes", null, true, List.of(lesson)).id();
	}

	@Test
	void theStudioSetsTheLineOnTheDraftAndLearnersReadItOnceItIsPublished() throws Exception {
		var saved = details("  " + WHY + " ");

		assertThat(saved).isEqualTo("/studio/lessons/" + lesson.value());
		assertThat(page(author, "/studio/lessons/" + lesson.value())).contains("value=\"" + WHY + "\"");
		assertThat(page(learner, "/catalog")).as("the published version has none").doesNotContain(WHY);

		// Editing a block afterwards keeps the line.
		mvc.perform(post("/studio/lessons/" + lesson.value() + "/blocks/0/duplicate").with(SignedIn.as(author))
			.with(csrf())).andReturn();
		lessons.publish(author, lesson);

		assertThat(lessons.latestPublished(author.organisationId(), lesson).orElseThrow().content().why())
			.isEqualTo(WHY);
		for (var path : List.of("/lessons/" + lesson.value(), "/catalog", "/programs/" + program.value())) {
			assertThat(page(learner, path)).as(path).contains("<p class=\"why\">" + WHY + "</p>");
		}
	}

	@Test
	void aLineTooLongIsRefusedOnTheFormWithWhatToFixAndWhatWasSavedStays() throws Exception {
		details(WHY);

		var refused = mvc.perform(post("/studio/lessons/" + lesson.value() + "/details").with(SignedIn.as(author))
			.with(csrf()).param("title", "Plan a route, renamed").param("objective", "Plan a day's route.")
			.param("minutes", "3").param("why", "a".repeat(161))).andReturn().getResponse();

		assertThat(refused.getStatus()).isEqualTo(200);
		assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("role=\"alert\"",
				"The line on why to take the lesson has at most 160 characters; this one has 161");
		var kept = lessons.latest(author.organisationId(), lesson).orElseThrow().content();
		assertThat(kept.title()).as("nothing of the refused save is kept").isEqualTo("Plan a route");
		assertThat(kept.why()).isEqualTo(WHY);
	}

	@Test
	void theApiTakesTheLineOnTheDraftAndRefusesOneTooLongWithAProblem() throws Exception {
		var api = Api.on(port);
		var token = api.token(author.email(), slug);
		var path = "/api/v1/lessons/" + lesson.value() + "/draft";

		var saved = api.put(token, path, "*", body(WHY));
		var tooLong = api.put(token, path, "*", body("b".repeat(161)));

		assertThat(saved.getStatusCode().value()).as(saved.getBody()).isEqualTo(200);
		assertThat(tooLong.getStatusCode().value()).isEqualTo(400);
		var problem = json.readTree(tooLong.getBody());
		assertThat(problem.get("type").asString()).isEqualTo("/problems/validation");
		assertThat(problem.get("detail").asString())
			.isEqualTo("The line on why to take the lesson has at most 160 characters; this one has 161");
		assertThat(json.readTree(api.get(token, path).getBody()).get("content").get("why").asString())
			.as("the draft saved before stays").isEqualTo(WHY);

		lessons.publish(author, lesson);
		assertThat(page(learner, "/lessons/" + lesson.value())).contains(WHY);
	}

	private static Map<String, Object> body(String why) {
		return Map.of("title", "Plan a route", "objective", "Plan a day's route.", "estimatedMinutes", 3, "skills",
				List.of(), "blocks", List.of(Map.of("type", "text", "markdown", "Start with the farthest stop.")), "why",
				why);
	}

	/** Saves the details form with this line; the address it sends the author to. */
	private String details(String why) throws Exception {
		return mvc.perform(post("/studio/lessons/" + lesson.value() + "/details").with(SignedIn.as(author))
			.with(csrf()).param("title", "Plan a route").param("objective", "Plan a day's route.").param("minutes", "3")
			.param("why", why)).andReturn().getResponse().getRedirectedUrl();
	}

	private String page(CurrentMember member, String path) throws Exception {
		return mvc.perform(get(path).with(SignedIn.as(member))).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}
}
