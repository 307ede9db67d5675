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
import io.morsel.catalog.Option;
import io.morsel.catalog.Programs;
import io.morsel.catalog.SingleChoice;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.identity.SignedIn;
import io.morsel.support.Api;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What keeps a lesson from being published, through the API and the studio alike: nothing that assesses its
 * objective, always; a vague or double objective when the organisation's admin says so.
 */
@MorselIntegrationTest
class PublishingRulesTests {

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	Lessons lessons;

	@Autowired
	AuthoringSettings settings;

	@Autowired
	Programs programs;

	@Autowired
	JsonMapper json;

	Api api;
	CurrentMember author;
	CurrentMember admin;
	String authorToken;
	String adminToken;

	@BeforeEach
	void signIn() {
		api = Api.on(port);
		author = directory.member("author@acme.test", "acme").orElseThrow();
		admin = directory.member("admin@acme.test", "acme").orElseThrow();
		authorToken = api.token("author@acme.test", "acme");
		adminToken = api.token("admin@acme.test", "acme");
	}

	/** The organisation's rules are shared by every test of the run: each test leaves the default behind. */
	@AfterEach
	void restoreTheDefaultRules() {
		settings.change(admin, AuthoringPolicy.DEFAULT);
	}

	@Test
	void aLessonThatNothingAssessesIsNotPublishedThroughEitherDoor() throws Exception {
		var throughApi = lesson("Tag a deal with its campaign in the CRM.", false);
		var throughStudio = lesson("Tag a deal with its campaign in the CRM.", false);

		var refused = publishThroughApi(throughApi);
		var editor = publishThroughStudio(throughStudio);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(tree(refused).get("type").asString()).endsWith("/problems/not-publishable");
		assertThat(tree(refused).get("reasons").valueStream().map(JsonNode::asString)).containsExactly("no-assessment");
		var detail = tree(refused).get("detail").asString();
		assertThat(detail).contains("no question assesses its objective");
		assertThat(editor).contains("role=\"alert\"", detail);
		assertThat(lessons.latestPublished(author.organisationId(), throughApi)).isEmpty();
		assertThat(lessons.latestPublished(author.organisationId(), throughStudio)).isEmpty();
	}

	@Test
	void aLessonWithAnAssessingQuestionIsPublishedEvenWithAVagueObjectiveByDefault() {
		var vague = lesson("Understand deal tags.", true);

		var published = publishThroughApi(vague);

		assertThat(published.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(tree(published).get("warnings").valueStream().map(JsonNode::asString)).contains("vague-verb");
	}

	@Test
	void whenTheAdminSaysSoVagueAndDoubleObjectivesBlockPublishingThroughEitherDoor() throws Exception {
		var set = api.put(adminToken, "/api/v1/authoring/settings", Map.of("objectivesBlockPublishing", true,
				"maxLessonMinutes", 10));
		assertThat(set.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(tree(api.get(adminToken, "/api/v1/authoring/settings")).get("objectivesBlockPublishing").asBoolean())
			.isTrue();

		var vague = publishThroughApi(lesson("Learners will be able to understand deal tags.", true));
		var double_ = publishThroughApi(lesson("List the deal tags and explain when each applies.", true));
		var vagueInStudio = publishThroughStudio(lesson("Be aware of deal tags.", true));
		var good = publishThroughApi(lesson("Tag a deal with its campaign in the CRM.", true));

		assertThat(vague.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(tree(vague).get("reasons").valueStream().map(JsonNode::asString)).containsExactly("vague-verb");
		assertThat(tree(double_).get("reasons").valueStream().map(JsonNode::asString)).containsExactly("double-objective");
		assertThat(vagueInStudio).contains("role=\"alert\"", "its objective cannot be measured");
		assertThat(good.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void onlyAdminsSetThePublishingRulesThroughTheApiOrTheirPage() throws Exception {
		var byAuthor = api.put(authorToken, "/api/v1/authoring/settings", Map.of("objectivesBlockPublishing", true,
				"maxLessonMinutes", 10));
		var missing = api.put(adminToken, "/api/v1/authoring/settings", Map.of());
		var page = mvc.perform(get("/admin/authoring").with(SignedIn.as(admin))).andReturn().getResponse();
		var authorsPage = mvc.perform(get("/admin/authoring").with(SignedIn.as(author))).andReturn().getResponse();

		assertThat(byAuthor.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(settings.policy(admin.organisationId())).isEqualTo(AuthoringPolicy.DEFAULT);
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("name=\"objectivesBlockPublishing\"")
			.doesNotContain("checked=\"checked\"");
		assertThat(authorsPage.getStatus()).isEqualTo(403);

		var saved = mvc.perform(post("/admin/authoring").with(SignedIn.as(admin)).with(csrf())
			.param("objectivesBlockPublishing", "true")).andReturn().getResponse();
		assertThat(saved.getRedirectedUrl()).isEqualTo("/admin/authoring");
		assertThat(settings.policy(admin.organisationId()).objectivesBlockPublishing()).isTrue();
		assertThat(mvc.perform(get("/admin/authoring").with(SignedIn.as(admin))).andReturn().getResponse()
			.getContentAsString()).contains("checked=\"checked\"");
		assertThat(settings.policy(directory.member("admin@globex.test", "globex").orElseThrow().organisationId()))
			.as("another organisation keeps its own rules")
			.isEqualTo(AuthoringPolicy.DEFAULT);

		mvc.perform(post("/admin/authoring").with(SignedIn.as(admin)).with(csrf()));
		assertThat(settings.policy(admin.organisationId())).isEqualTo(AuthoringPolicy.DEFAULT);
	}

	@Test
	void aLessonEstimatedOverTheOrganisationsLimitIsNotPublishedUntilTheLimitIsRaised() {
		var long_ = lesson("Tag a deal with its campaign in the CRM.", true, "word ".repeat(2_400));

		var draft = tree(api.get(authorToken, "/api/v1/lessons/" + long_.value() + "/draft"));
		var refused = publishThroughApi(long_);
		var tooHigh = api.put(adminToken, "/api/v1/authoring/settings",
				Map.of("objectivesBlockPublishing", false, "maxLessonMinutes", 61));
		var raised = api.put(adminToken, "/api/v1/authoring/settings",
				Map.of("objectivesBlockPublishing", false, "maxLessonMinutes", 15));
		var published = publishThroughApi(long_);

		assertThat(draft.at("/estimate/readingSeconds").asInt()).isEqualTo(720);
		assertThat(draft.at("/estimate/minutes").asInt()).isEqualTo(13);
		assertThat(draft.get("warnings").valueStream().map(JsonNode::asString)).contains("duration", "over-limit");
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(tree(refused).get("reasons").valueStream().map(JsonNode::asString)).containsExactly("over-limit");
		assertThat(tooHigh.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(raised.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(published.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(tree(published).get("warnings").valueStream().map(JsonNode::asString)).contains("duration")
			.doesNotContain("over-limit");
	}

	@Test
	void theEditorShowsALessonsEstimateAndTheProgramEditorTheTotal() throws Exception {
		var first = lesson("Tag a deal with its campaign in the CRM.", true, "word ".repeat(400));
		var second = lesson("Tag a deal with its campaign in the CRM.", true, "word ".repeat(600));
		var program = programs.create(author.organisationId(), "total-" + UUID.randomUUID().toString().substring(0, 8),
				"Totals", "Tag every launch deal", null, true, List.of(first, second));

		var editor = mvc.perform(get("/studio/lessons/" + first.value()).with(SignedIn.as(author))).andReturn()
			.getResponse().getContentAsString();
		var programPage = mvc.perform(get("/studio/programs/" + program.id().value()).with(SignedIn.as(author)))
			.andReturn().getResponse().getContentAsString();

		assertThat(editor).contains("Estimated 3 min: reading 120 s, video and audio 0 s, questions 30 s.");
		assertThat(programPage).contains("Estimated total: 6 min over 2 lessons.");
	}

	private LessonId lesson(String objective, boolean assessed) {
		return lesson(objective, assessed, "Every launch deal carries its campaign tag.");
	}

	private LessonId lesson(String objective, boolean assessed, String text) {
		var question = new SingleChoice("q", "Which tag does a launch deal carry?",
				List.of(new Option("a", "The campaign tag", true, null), new Option("b", "None", false, null)), assessed,
				null);
		return lessons.create(author, new LessonContent("Tags " + UUID.randomUUID(), new Objective(objective), 4,
				List.of(), List.of(new Block.Text(text), new Block.Question(question))))
			.lessonId();
	}

	private ResponseEntity<String> publishThroughApi(LessonId lesson) {
		return api.post(authorToken, "/api/v1/lessons/" + lesson.value() + "/publish", null);
	}

	private String publishThroughStudio(LessonId lesson) throws Exception {
		return mvc.perform(post("/studio/lessons/" + lesson.value() + "/publish").with(SignedIn.as(author)).with(csrf())
			.header("HX-Request", "true")).andReturn().getResponse().getContentAsString();
	}

	private JsonNode tree(ResponseEntity<String> response) {
		return json.readTree(response.getBody());
	}
}
