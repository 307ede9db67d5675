package io.morsel.reinforcement;

import static io.morsel.support.Csrf.csrf;
import static io.morsel.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import io.morsel.MorselIntegrationTest;
import io.morsel.catalog.LessonId;
import io.morsel.catalog.Program;
import io.morsel.catalog.Programs;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.identity.SignedIn;
import io.morsel.learning.Enrolments;
import io.morsel.learning.Learner;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * A program may ask for a desired retention of its own: its learners' cards of its lessons are scheduled with it (the
 * highest of their programs containing the lesson), and everyone else's with the organisation's.
 */
@MorselIntegrationTest
class ProgramRetentionTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Reviewers reviewers;

	@Autowired
	Directory directory;

	@Autowired
	Programs programs;

	@Autowired
	Enrolments enrolments;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@AfterEach
	void backToTheDefaults() {
		jdbc.sql("DELETE FROM program_retention").update();
	}

	@Test
	void aCardInAProgramAskingForMoreRetentionComesBackSooner() throws Exception {
		var lesson = reviewers.lesson("globex", "Kept");
		var strict = program("globex", lesson);
		var lax = program("globex", lesson);
		var author = directory.member("author@globex.test", "globex").orElseThrow();
		assertThat(retention(author, put(path(strict)), Map.of("desiredRetention", 0.97)).getStatus()).isEqualTo(200);
		var inStrict = enrolled(strict);
		var inLax = enrolled(lax);
		var inBoth = enrolled(strict, lax);
		var inNone = reviewers.learner("globex", "UTC");

		for (var learner : List.of(inStrict, inLax, inBoth, inNone)) {
			answerInThePlayer(learner, lesson);
		}
		await(() -> List.of(inStrict, inLax, inBoth, inNone).stream().allMatch(l -> reviewers.cards(l) == 1));

		// A right, fast first answer is easy: at 0.9 it comes back after its stability (8 days), at 0.97 far sooner.
		assertThat(interval(inLax)).isEqualTo(8);
		assertThat(interval(inNone)).isEqualTo(8);
		assertThat(interval(inStrict)).isLessThan(interval(inLax));
		assertThat(interval(inBoth)).as("the highest of the learner's programs").isEqualTo(interval(inStrict));

		for (var learner : List.of(inStrict, inLax)) {
			reviewers.due(learner, Instant.now().minus(Duration.ofHours(1)));
			var card = Cards.idOf(Learner.of(learner), lesson, "verb");
			var answered = retention(learner, post("/api/v1/reinforcement/reviews"),
					Map.of("cardId", card, "reviewItemId", UUID.randomUUID(), "optionIds", List.of("a"), "timeTakenMs",
							3000));
			assertThat(answered.getStatus()).isEqualTo(201);
		}
		assertThat(interval(inStrict)).as("a review, too").isLessThan(interval(inLax));
	}

	@Test
	void authorsAndAdminsSetAProgramsRetentionWithinReasonAndCanClearIt() throws Exception {
		var program = program("globex", reviewers.lesson("globex", "Set"));
		var author = directory.member("author@globex.test", "globex").orElseThrow();
		var admin = directory.member("admin@globex.test", "globex").orElseThrow();
		var learner = directory.member("learner@globex.test", "globex").orElseThrow();
		var stranger = directory.member("admin@acme.test", "acme").orElseThrow();

		assertThat(retention(learner, get(path(program))).getStatus()).isEqualTo(403);
		assertThat(retention(learner, put(path(program)), Map.of("desiredRetention", 0.95)).getStatus()).isEqualTo(403);
		assertThat(retention(stranger, put(path(program)), Map.of("desiredRetention", 0.95)).getStatus()).isEqualTo(404);
		assertThat(retention(author, put(path(program)), Map.of("desiredRetention", 0.99)).getStatus()).isEqualTo(400);
		assertThat(retention(admin, put(path(program)), Map.of("desiredRetention", 0.5)).getStatus()).isEqualTo(400);
		assertThat(json.readTree(retention(author, get(path(program))).getContentAsString()).get("own").isNull()).isTrue();

		var set = json.readTree(retention(admin, put(path(program)), Map.of("desiredRetention", 0.95)).getContentAsString());
		assertThat(set.get("own").asDouble()).isEqualTo(0.95);
		assertThat(set.get("desiredRetention").asDouble()).isEqualTo(0.95);

		var body = new java.util.HashMap<String, Object>();
		body.put("desiredRetention", null);
		var cleared = json.readTree(retention(author, put(path(program)), body).getContentAsString());
		assertThat(cleared.get("own").isNull()).isTrue();
		assertThat(cleared.get("desiredRetention").asDouble()).isEqualTo(0.9);
	}

	@Test
	void theRetentionPageLetsAuthorsSetProgramsAndOnlyAdminsTheOrganisations() throws Exception {
		var program = program("globex", reviewers.lesson("globex", "Paged"));
		var author = directory.member("author@globex.test", "globex").orElseThrow();
		var learner = directory.member("learner@globex.test", "globex").orElseThrow();

		var page = mvc.perform(get("/retention").with(SignedIn.as(author))).andReturn().getResponse();
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains(program.title(), "Blank: the organisation", "90.0 %")
			.doesNotContain("id=\"organisation-percent\"");
		var saved = mvc.perform(post("/retention/programs/" + program.id().value()).param("percent", "95")
			.with(SignedIn.as(author)).with(csrf())).andReturn().getResponse();
		assertThat(saved.getRedirectedUrl()).isEqualTo("/retention");
		assertThat(json.readTree(retention(author, get(path(program))).getContentAsString()).get("own").asDouble())
			.isEqualTo(0.95);
		var refused = mvc.perform(post("/retention/programs/" + program.id().value()).param("percent", "99")
			.with(SignedIn.as(author)).with(csrf())).andReturn();
		assertThat(refused.getFlashMap().get("flash")).isEqualTo("flash.retention.invalid");

		assertThat(mvc.perform(post("/retention").param("percent", "95").with(SignedIn.as(author)).with(csrf()))
			.andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(mvc.perform(get("/retention").with(SignedIn.as(learner))).andReturn().getResponse().getStatus())
			.isEqualTo(403);
	}

	private Program program(String organisation, LessonId lesson) {
		var id = directory.organisation(organisation).orElseThrow();
		var slug = "kept-" + UUID.randomUUID().toString().substring(0, 8);
		return programs.create(id, slug, "Program " + slug, "Learners remember what they learned", null, true,
				List.of(lesson));
	}

	private CurrentMember enrolled(Program... in) {
		var learner = reviewers.learner("globex", "UTC");
		for (var program : in) {
			enrolments.enrol(Learner.of(learner), program.id());
		}
		return learner;
	}

	private static String path(Program program) {
		return "/api/v1/reinforcement/programs/" + program.id().value() + "/retention";
	}

	private int interval(CurrentMember learner) {
		return jdbc.sql("SELECT scheduled_days FROM review_cards WHERE user_id = :user")
			.param("user", learner.userId().value()).query(Integer.class).single();
	}

	/** A right answer to the assessed question "verb", two seconds after it was shown. */
	private void answerInThePlayer(CurrentMember learner, LessonId lesson) throws Exception {
		mvc.perform(get("/lessons/" + lesson.value()).with(SignedIn.as(learner)));
		var response = mvc.perform(post("/lessons/" + lesson.value() + "/answers/verb").param("optionIds", "a")
			.param("shownAt", String.valueOf(System.currentTimeMillis() - 2000)).with(SignedIn.as(learner))
			.with(csrf())).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(302);
	}

	private MockHttpServletResponse retention(CurrentMember member, MockHttpServletRequestBuilder request)
			throws Exception {
		return mvc.perform(request.with(SignedIn.as(member))).andReturn().getResponse();
	}

	private MockHttpServletResponse retention(CurrentMember member, MockHttpServletRequestBuilder request, Object body)
			throws Exception {
		return retention(member, request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
	}
}
