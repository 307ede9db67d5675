package io.morsel.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static io.morsel.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.morsel.MorselIntegrationTest;
import io.morsel.catalog.Block;
import io.morsel.catalog.LessonContent;
import io.morsel.catalog.LessonId;
import io.morsel.catalog.Lessons;
import io.morsel.catalog.Objective;
import io.morsel.catalog.Program;
import io.morsel.catalog.ProgramId;
import io.morsel.catalog.Programs;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.support.Api;
import io.morsel.identity.SignedIn;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The studio's pages and the REST API are two doors to the same author use cases: whichever an author (or a learner
 * trying their luck) comes through, the role, the linter's warnings and the slug rule answer the same.
 */
@MorselIntegrationTest
class AuthoringDoorsTests {

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	Lessons lessons;

	@Autowired
	Programs programs;

	@Autowired
	Workbench workbench;

	@Autowired
	ProgramWorkbench programWorkbench;

	@Autowired
	MessageSource messages;

	@Autowired
	JsonMapper json;

	Api api;
	CurrentMember author;
	String authorToken;
	LessonId lesson;
	ProgramId program;

	@BeforeEach
	void createLessonAndProgram() {
		api = Api.on(port);
		author = directory.member("author@acme.test", "acme").orElseThrow();
		authorToken = api.token("author@acme.test", "acme");
		lesson = lessons.create(author, content("Tag a deal with its campaign in the CRM.", 3)).lessonId();
		program = programs.create(author.organisationId(), "doors-" + UUID.randomUUID().toString().substring(0, 8),
				"Doors", "Every deal carries its campaign tag", null, true, List.of(lesson)).id();
	}

	@Test
	void aLearnerOrManagerIsRefusedEveryAuthorUseCaseThroughBothDoors() throws Exception {
		var lessonPath = "/api/v1/lessons/" + lesson.value();
		var programPath = "/api/v1/programs/" + program.value();
		var studioLesson = "/studio/lessons/" + lesson.value();
		var exported = json.valueToTree(content("Tag a deal with its campaign in the CRM.", 3));
		var programBody = Map.of("title", "Mine now", "outcome", "Nothing", "selfEnrol", true, "lessons",
				List.of(lesson.value()));
		for (var email : List.of("learner@acme.test", "manager@acme.test")) {
			var token = api.token(email, "acme");
			var member = directory.member(email, "acme").orElseThrow();

			var throughApi = List.of(api.get(token, lessonPath + "/draft"), api.post(token, "/api/v1/lessons", exported),
					api.put(token, lessonPath + "/draft", exported), api.post(token, lessonPath + "/publish", null),
					api.get(token, lessonPath + "/export"), api.post(token, "/api/v1/programs", programBody),
					api.put(token, programPath, programBody));
			var throughStudio = List.of(status(member, get("/studio")), status(member, get(studioLesson)),
					status(member, post("/studio/lessons").param("title", "Mine").param("objective", "Tag a deal.")
						.param("text", "Mine.")),
					status(member, multipart("/studio/import").file(new MockMultipartFile("file", "lesson.json",
							"application/json", exported.toString().getBytes()))),
					status(member, post(studioLesson + "/publish")), status(member, get(studioLesson + "/export")),
					status(member, post("/studio/programs").param("title", "Mine").param("outcome", "Nothing")
						.param("lesson", lesson.value().toString())),
					status(member, post("/studio/programs/" + program.value() + "/details").param("title", "Mine")
						.param("outcome", "Nothing")));

			assertThat(throughApi).as(email).allSatisfy(refused -> {
				assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
				assertThat(tree(refused).get("type").asString()).endsWith("/problems/forbidden");
			});
			assertThat(throughStudio).as(email).containsOnly(403);
		}
		assertThat(lessons.latest(author.organisationId(), lesson).orElseThrow().published()).isFalse();
		assertThat(programs.find(author.organisationId(), program).orElseThrow().title()).isEqualTo("Doors");
	}

	@Test
	void theRoleIsCheckedInTheServicesBehindBothDoors() {
		var learner = directory.member("learner@acme.test", "acme").orElseThrow();

		assertThatThrownBy(() -> workbench.publish(learner, lesson)).isInstanceOf(AuthorRole.Required.class);
		assertThatThrownBy(() -> workbench.latest(learner, lesson)).isInstanceOf(AuthorRole.Required.class);
		assertThatThrownBy(() -> workbench.create(learner, content("Tag a deal.", 3)))
			.isInstanceOf(AuthorRole.Required.class);
		assertThatThrownBy(() -> programWorkbench.details(learner, program,
				new ProgramDetails("Mine", "Nothing", null, true))).isInstanceOf(AuthorRole.Required.class);
		assertThatThrownBy(() -> programWorkbench.create(learner, null, new ProgramDetails("Mine", "Nothing", null, true),
				List.of(lesson))).isInstanceOf(AuthorRole.Required.class);
	}

	@Test
	void aVagueObjectiveGetsTheSameWarningsThroughTheApiAndTheStudio() throws Exception {
		var vague = json.valueToTree(content("Understand deal tags.", 12));
		var created = api.post(authorToken, "/api/v1/lessons", vague);
		var throughApi = tree(created).get("warnings").valueStream().map(JsonNode::asString).toList();
		var id = tree(created).get("id").asString();

		var studioCreated = mvc.perform(as(author, post("/studio/lessons")).param("title", "Vague " + UUID.randomUUID())
			.param("objective", "Understand deal tags.").param("minutes", "12").param("text", "Tags pay.")).andReturn()
			.getResponse().getRedirectedUrl();
		var studioId = studioCreated.substring("/studio/lessons/".length());
		var throughStudioThenApi = tree(api.get(authorToken, "/api/v1/lessons/" + studioId + "/draft")).get("warnings")
			.valueStream().map(JsonNode::asString).toList();

		assertThat(throughApi).containsExactly("vague-verb", "duration", "no-assessment");
		assertThat(throughStudioThenApi).isEqualTo(throughApi);
		for (var editor : List.of(page(get("/studio/lessons/" + id)), page(get(studioCreated)))) {
			for (var warning : List.of(LessonWarning.VAGUE_VERB, LessonWarning.DURATION, LessonWarning.NO_ASSESSMENT)) {
				assertThat(editor).contains(messages.getMessage(warning.messageKey(), null, Locale.ENGLISH));
			}
		}
		var clear = json.valueToTree(content("Tag a deal with its campaign in the CRM.", 3));
		var fixed = api.put(authorToken, "/api/v1/lessons/" + id + "/draft", clear);
		assertThat(tree(fixed).get("warnings").valueStream().map(JsonNode::asString)).containsExactly("no-assessment");
		assertThat(page(get("/studio/lessons/" + id)))
			.contains(messages.getMessage(LessonWarning.NO_ASSESSMENT.messageKey(), null, Locale.ENGLISH))
			.doesNotContain(messages.getMessage(LessonWarning.VAGUE_VERB.messageKey(), null, Locale.ENGLISH));
	}

	@Test
	void aProgramSlugIsRefusedTheSameWayThroughTheApiAndTheStudio() throws Exception {
		var taken = programs.find(author.organisationId(), program).orElseThrow().slug();
		var before = programs.all(author.organisationId()).size();

		for (var slug : List.of("Get Started!", "-leading-dash", "x".repeat(61), taken)) {
			var throughApi = api.post(authorToken, "/api/v1/programs", Map.of("slug", slug, "title", "Slugged",
					"outcome", "Measurable", "selfEnrol", true, "lessons", List.of(lesson.value())));
			var throughStudio = page(post("/studio/programs").param("slug", slug).param("title", "Slugged")
				.param("outcome", "Measurable").param("lesson", lesson.value().toString()));

			var detail = tree(throughApi).get("detail").asString();
			assertThat(throughApi.getStatusCode()).as(slug)
				.isEqualTo(slug.equals(taken) ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST);
			assertThat(detail).as(slug).contains(slug.equals(taken) ? "already has a program" : "slug is lower-case");
			assertThat(throughStudio).as(slug).contains("role=\"alert\"", escaped(detail));
		}
		assertThat(programs.all(author.organisationId())).hasSize(before);
	}

	@Test
	void withoutASlugBothDoorsMakeItFromTheTitleAndNumberATakenOne() throws Exception {
		var title = "Doors and slugs " + UUID.randomUUID().toString().substring(0, 8);

		var throughApi = api.post(authorToken, "/api/v1/programs", Map.of("title", title, "outcome", "Measurable",
				"selfEnrol", true, "lessons", List.of(lesson.value())));
		var throughStudio = mvc.perform(as(author, post("/studio/programs")).param("title", title)
			.param("outcome", "Measurable").param("lesson", lesson.value().toString())).andReturn().getResponse();
		var studioProgram = new ProgramId(UUID.fromString(throughStudio.getRedirectedUrl()
			.substring("/studio/programs/".length())));

		var expected = "doors-and-slugs-" + title.substring(title.length() - 8);
		assertThat(throughApi.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(tree(throughApi).get("slug").asString()).isEqualTo(expected);
		assertThat(programs.find(author.organisationId(), studioProgram).map(Program::slug)).hasValue(expected + "-2");
	}

	@Test
	void aLessonExportedThroughOneDoorImportsTheSameThroughTheOther() throws Exception {
		var throughApi = api.get(authorToken, "/api/v1/lessons/" + lesson.value() + "/export").getBody();
		var imported = mvc.perform(as(author, multipart("/studio/import")
			.file(new MockMultipartFile("file", "lesson.json", "application/json", throughApi.getBytes())))).andReturn()
			.getResponse().getRedirectedUrl();
		var throughStudio = mvc.perform(as(author, get(imported + "/export"))).andReturn().getResponse()
			.getContentAsString();
		var importedBack = api.post(authorToken, "/api/v1/lessons", json.readTree(throughStudio));

		assertThat(json.readTree(throughStudio)).isEqualTo(json.readTree(throughApi));
		assertThat(importedBack.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(tree(importedBack).get("content")).isEqualTo(json.readTree(throughApi));
	}

	private static LessonContent content(String objective, int minutes) {
		return new LessonContent("Doors " + UUID.randomUUID(), new Objective(objective), minutes, List.of(),
				List.of(new Block.Text("Every launch deal carries the campaign tag.")));
	}

	/** The text as Thymeleaf writes it into a page. */
	private static String escaped(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;")
			.replace("\"", "&quot;");
	}

	private <B extends AbstractMockHttpServletRequestBuilder<B>> int status(CurrentMember member, B request) throws Exception {
		return mvc.perform(as(member, request)).andReturn().getResponse().getStatus();
	}

	private <B extends AbstractMockHttpServletRequestBuilder<B>> String page(B request) throws Exception {
		return mvc.perform(as(author, request)).andReturn().getResponse().getContentAsString();
	}

	private static <B extends AbstractMockHttpServletRequestBuilder<B>> B as(CurrentMember member, B request) {
		return request.with(SignedIn.as(member)).with(csrf());
	}

	private JsonNode tree(ResponseEntity<String> response) {
		return json.readTree(response.getBody());
	}
}
