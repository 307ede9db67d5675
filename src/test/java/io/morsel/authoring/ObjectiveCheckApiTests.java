package io.morsel.authoring;

import static io.morsel.support.Csrf.csrf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.morsel.MorselIntegrationTest;
import io.morsel.catalog.Block;
import io.morsel.catalog.LessonContent;
import io.morsel.catalog.Lessons;
import io.morsel.catalog.Objective;
import io.morsel.catalog.Programs;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.identity.SignedIn;
import io.morsel.support.Api;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Authors check an objective before saving it: through the API, and live in the studio's editor as they type. */
@MorselIntegrationTest
class ObjectiveCheckApiTests {

	private static final String CHECK = "/api/v1/objectives/check";

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
	JsonMapper json;

	Api api;
	String authorToken;
	CurrentMember author;

	@BeforeEach
	void signIn() {
		api = Api.on(port);
		authorToken = api.token("author@acme.test", "acme");
		author = directory.member("author@acme.test", "acme").orElseThrow();
	}

	@Test
	void aGoodObjectiveIsMeasurableSingleAndPlaced() {
		var answer = api.post(authorToken, CHECK, Map.of("objective", "Compare the cost and benefit of two plans.",
				"language", "en"));

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		var check = tree(answer);
		assertThat(check.get("measurable").asBoolean()).isTrue();
		assertThat(check.get("single").asBoolean()).isTrue();
		assertThat(check.get("verb").asString()).isEqualTo("compare");
		assertThat(check.get("bloomLevel").asString()).isEqualTo("analyze");
		assertThat(check.get("findings").size()).isZero();
	}

	@Test
	void aVagueDoubleObjectiveBehindAPreambleGetsEachFindingWithASuggestion() {
		var answer = api.post(authorToken, CHECK,
				Map.of("objective", "Learners will be able to understand pricing and explain it to a customer."));

		var check = tree(answer);
		assertThat(check.get("measurable").asBoolean()).isFalse();
		assertThat(check.get("single").asBoolean()).isFalse();
		assertThat(check.get("verb").asString()).isEqualTo("understand");
		assertThat(check.get("bloomLevel").asString()).isEqualTo("understand");
		assertThat(check.get("findings").valueStream().map(f -> f.get("code").asString()))
			.containsExactly("preamble", "vague-verb", "double-objective");
		assertThat(check.get("findings").valueStream().map(f -> f.get("suggestion").asString()))
			.allSatisfy(suggestion -> assertThat(suggestion).isNotBlank());
	}

	@Test
	void anObjectiveWithoutAVerbAnswersNoVerbAndNoLevel() {
		var check = tree(api.post(authorToken, CHECK, Map.of("objective", "Weekly reports.")));

		assertThat(check.get("verb").isNull()).isTrue();
		assertThat(check.get("bloomLevel").isNull()).isTrue();
		assertThat(check.get("findings").get(0).get("code").asString()).isEqualTo("no-verb");
	}

	@Test
	void badInputIsAProblemDetail() {
		var empty = api.post(authorToken, CHECK, Map.of("objective", "  "));
		var missing = api.post(authorToken, CHECK, Map.of("language", "en"));
		var french = api.post(authorToken, CHECK, Map.of("objective", "Comprendre les rapports.", "language", "fr"));
		var huge = api.post(authorToken, CHECK, Map.of("objective", "List " + "x".repeat(6_000)));
		var notJson = api.post(authorToken, CHECK, "{\"objective\": ");

		for (var refused : List.of(empty, missing, french, huge, notJson)) {
			assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
		}
		assertThat(tree(empty).get("detail").asString()).contains("Give the objective to check");
		assertThat(tree(french).get("detail").asString()).contains("\"fr\"");
		assertThat(tree(huge).get("detail").asString()).contains("at most 5000 characters");
	}

	@Test
	void onlyAuthorsCheckObjectives() {
		for (var email : List.of("learner@acme.test", "manager@acme.test")) {
			var refused = api.post(api.token(email, "acme"), CHECK, Map.of("objective", "List the plans."));

			assertThat(refused.getStatusCode()).as(email).isEqualTo(HttpStatus.FORBIDDEN);
		}
	}

	@Test
	void theEditorShowsTheObjectivesFindingsAndUpdatesThemAsTheAuthorTypes() throws Exception {
		var lesson = lessons.create(author, new LessonContent("Pricing " + System.nanoTime(),
				new Objective("Understand pricing."), 4, List.of(), List.of(new Block.Text("Plans differ.")))).lessonId();

		var editor = mvc.perform(post("/studio/lessons/" + lesson.value() + "/details").with(SignedIn.as(author))
			.with(csrf())
			.param("title", "Pricing")
			.param("objective", "Learners will understand pricing.")
			.param("minutes", "4")).andReturn().getResponse();
		var page = mvc.perform(get(editor.getRedirectedUrl()).with(SignedIn.as(author))).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).contains("hx-post=\"/studio/objectives/check\"", "id=\"objective-lint\"",
				"data-code=\"preamble\"", "data-code=\"vague-verb\"", "“understand” cannot be observed");

		var typed = mvc.perform(post("/studio/objectives/check").with(SignedIn.as(author)).with(csrf())
			.header("HX-Request", "true")
			.param("objective", "List the plans and explain when each fits")).andReturn().getResponse();
		assertThat(typed.getStatus()).isEqualTo(200);
		assertThat(typed.getContentAsString()).startsWith("<div id=\"objective-lint\"")
			.contains("data-code=\"double-objective\"", "Verb “list”, at the level “remember”")
			.doesNotContain("<html");

		var emptied = mvc.perform(post("/studio/objectives/check").with(SignedIn.as(author)).with(csrf())
			.header("HX-Request", "true")
			.param("objective", "")).andReturn().getResponse();
		assertThat(emptied.getContentAsString()).contains("Give the objective to check");
	}

	@Test
	void aProgramsOutcomeIsCheckedByTheSameLinterInItsEditorAndAsTheAuthorTypes() throws Exception {
		var lesson = lessons.create(author, new LessonContent("Outcome " + System.nanoTime(),
				new Objective("List the plans."), 4, List.of(), List.of(new Block.Text("Plans differ.")))).lessonId();
		var program = programs.create(author.organisationId(), "outcome-" + System.nanoTime(), "Pricing",
				"Learners will understand our pricing", null, true, List.of(lesson));

		var editor = mvc.perform(get("/studio/programs/" + program.id().value()).with(SignedIn.as(author)))
			.andReturn().getResponse().getContentAsString();
		assertThat(editor).contains("id=\"outcome-lint\"", "data-code=\"vague-verb\"", "“understand” cannot be observed");

		var typed = mvc.perform(post("/studio/objectives/check").with(SignedIn.as(author)).with(csrf())
			.header("HX-Request", "true")
			.param("outcome", "Quote a two-plan bundle within one day")
			.param("lint", "outcome-lint")).andReturn().getResponse().getContentAsString();
		assertThat(typed).startsWith("<div id=\"outcome-lint\"").contains("Verb “quote”").doesNotContain("data-code");

		var badTarget = mvc.perform(post("/studio/objectives/check").with(SignedIn.as(author)).with(csrf())
			.param("outcome", "Quote a bundle").param("lint", "\"><script>")).andReturn().getResponse();
		assertThat(badTarget.getStatus()).isEqualTo(400);
	}

	@Test
	void aLearnerCannotUseTheStudiosLiveCheck() throws Exception {
		var learner = directory.member("learner@acme.test", "acme").orElseThrow();

		var refused = mvc.perform(post("/studio/objectives/check").with(SignedIn.as(learner)).with(csrf())
			.param("objective", "List the plans.")).andReturn().getResponse();

		assertThat(refused.getStatus()).isEqualTo(403);
	}

	private JsonNode tree(ResponseEntity<String> response) {
		return json.readTree(response.getBody());
	}
}
