package io.morsel.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static io.morsel.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.morsel.MorselIntegrationTest;
import io.morsel.catalog.LessonContent;
import io.morsel.catalog.LessonId;
import io.morsel.catalog.Lessons;
import io.morsel.catalog.Response;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.identity.SignedIn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The lesson page works as plain HTML forms, and htmx swaps in the feedback of one interaction. */
@MorselIntegrationTest
class LessonPlayerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Lessons lessons;

	@Autowired
	Directory directory;

	@Autowired
	JsonMapper json;

	@Autowired
	FlashMapManager flashMaps;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	Attempts attempts;

	@Autowired
	Clock clock;

	CurrentMember learner;
	LessonId lesson;

	@BeforeEach
	void setUp() throws IOException {
		var author = directory.member("author@globex.test", "globex").orElseThrow();
		learner = directory.member("learner@globex.test", "globex").orElseThrow();
		try (var in = getClass().getResourceAsStream("/catalog/every-block.json")) {
			var tree = (ObjectNode) json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			tree.putArray("skills");
			var draft = lessons.create(author, json.treeToValue(tree, LessonContent.class));
			lesson = lessons.publish(author, draft.lessonId()).lessonId();
		}
	}

	@Test
	void finishingALessonThatStillHasQuestionsIsAConflictNotAServerError() throws Exception {
		var finish = mvc.perform(post("/lessons/" + lesson.value() + "/finish")
			.with(SignedIn.as(learner)).with(csrf())).andReturn().getResponse();

		assertThat(finish.getStatus()).isEqualTo(409);
	}

	@Test
	void learnerAnswersWithAPlainFormAndSeesTheFeedbackOnTheSameStep() throws Exception {
		var page = mvc.perform(get("/lessons/" + lesson.value()).with(SignedIn.as(learner)))
			.andReturn().getResponse();
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("Rewrite a vague learning goal as one measurable objective.")
			.contains("name=\"optionIds\"").doesNotContain("You cannot see understanding.");

		var answered = mvc.perform(post("/lessons/" + lesson.value() + "/answers/verb").param("optionIds", "b")
			.param("shownAt", String.valueOf(System.currentTimeMillis() - 5000))
			.with(SignedIn.as(learner)).with(csrf())).andReturn().getResponse();
		assertThat(answered.getStatus()).isEqualTo(302);
		assertThat(answered.getRedirectedUrl()).isEqualTo("/lessons/" + lesson.value() + "?step=5#interaction-verb");

		var after = mvc.perform(get(answered.getRedirectedUrl()).with(SignedIn.as(learner)))
			.andReturn().getResponse().getContentAsString();
		assertThat(after).contains("Not quite.", "You cannot see understanding.", "Observable verbs make objectives measurable.");
		assertThat(after).containsPattern("id=\"step-5\"\\s+class=\"step current\"");
	}

	@Test
	void htmxGetsOnlyTheAnsweredInteractionAndTheCompletionWhenTheLastAnswerArrives() throws Exception {
		var answers = List.of(
				List.of("verb", "optionIds", "a"), List.of("all", "optionIds", "a"), List.of("match", "pair.verb", "create"),
				List.of("order", "position.verb", "1"), List.of("acronym", "text", "measurable"),
				List.of("case", "optionIds", "a"), List.of("apply", "text", "My objective."));
		for (var answer : answers) {
			var request = post("/lessons/" + lesson.value() + "/answers/" + answer.get(0)).param(answer.get(1), answer.get(2))
				.header("HX-Request", "true").with(SignedIn.as(learner)).with(csrf());
			if (answer.get(0).equals("match")) {
				request.param("pair.condition", "inFive");
			}
			if (answer.get(0).equals("order")) {
				request.param("position.object", "2");
			}
			var fragment = mvc.perform(request).andReturn().getResponse().getContentAsString();
			assertThat(fragment).doesNotContain("<html").contains("id=\"interaction-" + answer.get(0) + "\"")
				.contains("class=\"marks\"").doesNotContain("Lesson complete");
		}
		var pickTwo = post("/lessons/" + lesson.value() + "/answers/top").param("optionIds", "a")
			.header("HX-Request", "true").with(SignedIn.as(learner)).with(csrf());
		assertThat(mvc.perform(pickTwo).andReturn().getResponse().getContentAsString())
			.contains("Pick exactly 2 options; you picked 1.")
			.doesNotContain("Your pick");

		var last = post("/lessons/" + lesson.value() + "/answers/top").param("optionIds", "a", "c")
			.header("HX-Request", "true").with(SignedIn.as(learner)).with(csrf());
		var fragment = mvc.perform(last).andReturn().getResponse().getContentAsString();
		assertThat(fragment).contains("Partly right (50%).", "hx-swap-oob=\"true\"", "Lesson complete.");
	}

	@Test
	void aFormSentTwiceStoresOneAnswerAndTheSecondShowsItsFeedback() throws Exception {
		var page = mvc.perform(get("/lessons/" + lesson.value()).with(SignedIn.as(learner)))
			.andReturn().getResponse().getContentAsString();
		var keys = java.util.regex.Pattern.compile("name=\"answerKey\" value=\"([^\"]+)\"").matcher(page).results()
			.map(m -> m.group(1)).toList();
		assertThat(keys).hasSizeGreaterThan(1).doesNotHaveDuplicates();
		var key = keys.getFirst();

		var first = mvc.perform(post("/lessons/" + lesson.value() + "/answers/verb").param("optionIds", "b")
			.param("answerKey", key).with(SignedIn.as(learner)).with(csrf())).andReturn();
		var second = mvc.perform(post("/lessons/" + lesson.value() + "/answers/verb").param("optionIds", "b")
			.param("answerKey", key).header("HX-Request", "true").with(SignedIn.as(learner)).with(csrf()))
			.andReturn().getResponse();
		var third = mvc.perform(post("/lessons/" + lesson.value() + "/answers/verb").param("optionIds", "b")
			.param("answerKey", key).with(SignedIn.as(learner)).with(csrf())).andReturn();

		assertThat(first.getResponse().getStatus()).isEqualTo(302);
		assertThat(second.getStatus()).isEqualTo(200);
		assertThat(second.getContentAsString()).contains("Your pick: wrong", "You cannot see understanding.")
			.doesNotContain("already answered");
		assertThat(third.getResponse().getStatus()).isEqualTo(302);
		assertThat(third.getFlashMap().get("answerError")).isNull();
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM answers a JOIN lesson_attempts t ON t.id = a.attempt_id
				WHERE t.lesson_id = :lesson AND a.interaction_id = 'verb'
				""").param("lesson", lesson.value()).query(Long.class).single()).isEqualTo(1L);
	}

	@Test
	void formsRenderedOnceForEveryLearnerCarryEachRequestsOwnTokenAndNoOtherLearnersAnswers() throws Exception {
		var other = directory.member("consultant@morsel.test", "globex").orElseThrow();
		var page = mvc.perform(get("/lessons/" + lesson.value()).with(SignedIn.as(learner)))
			.andReturn().getResponse();
		var tokens = tokens(page.getContentAsString());
		assertThat(tokens).hasSizeGreaterThan(1).containsOnly(tokens.getFirst());
		// A masked token, not a placeholder; every hole of the kept page filled, every question's display time set.
		assertThat(tokens.getFirst()).matches("[A-Za-z0-9_-]{40,}").doesNotContain("csrf");
		assertThat(page.getContentAsString()).doesNotContainPattern("(hole|value)-[A-Za-z0-9-]+-[0-9a-f]{8}-[0-9a-f]{4}-")
			.containsPattern("name=\"shownAt\" value=\"\\d{13}\"")
			.containsPattern("name=\"answerKey\" value=\"[0-9a-f-]{36}\"");

		// (That the token works is the browser journeys' part: they answer through these forms, signed in.)
		var answered = mvc.perform(post("/lessons/" + lesson.value() + "/answers/verb").param("optionIds", "b")
			.with(SignedIn.as(learner)).with(csrf())).andReturn().getResponse();
		assertThat(answered.getStatus()).isEqualTo(302);

		var mine = mvc.perform(get("/lessons/" + lesson.value()).with(SignedIn.as(learner)))
			.andReturn().getResponse().getContentAsString();
		var theirs = mvc.perform(get("/lessons/" + lesson.value()).with(SignedIn.as(other)))
			.andReturn().getResponse().getContentAsString();
		assertThat(mine).contains("You cannot see understanding.");
		assertThat(theirs).doesNotContain("You cannot see understanding.").contains("action=\"/lessons/" + lesson.value()
				+ "/answers/verb\"");
		assertThat(tokens(theirs)).doesNotContainAnyElementsOf(tokens(mine)).doesNotContainAnyElementsOf(tokens);
	}

	@Test
	void aLessonWithoutQuestionsFinishesWithAButtonAndSaysSoAfterwards() throws Exception {
		var author = directory.member("author@globex.test", "globex").orElseThrow();
		var content = json.readValue("""
				{"title": "Read first", "objective": "Name the three parts of an objective.", "estimatedMinutes": 2,
				 "skills": [], "blocks": [{"type": "text", "markdown": "An objective has a verb, a condition and a standard."}]}
				""", LessonContent.class);
		var reading = lessons.publish(author, lessons.create(author, content).lessonId()).lessonId();
		var page = mvc.perform(get("/lessons/" + reading.value()).with(SignedIn.as(learner)))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("action=\"/lessons/" + reading.value() + "/finish\"").doesNotContain("Lesson complete");

		var finished = mvc.perform(post("/lessons/" + reading.value() + "/finish")
			.with(SignedIn.as(learner)).with(csrf())).andReturn().getResponse();
		assertThat(finished.getStatus()).isEqualTo(302);
		// The flash message comes back in its cookie: that page is rendered whole, with the message.
		var after = mvc.perform(get(finished.getRedirectedUrl()).cookie(finished.getCookies())
			.with(SignedIn.as(learner))).andReturn().getResponse().getContentAsString();
		assertThat(after).contains("class=\"flash\"", "Lesson complete")
			.doesNotContain("action=\"/lessons/" + reading.value() + "/finish\"");
		var later = mvc.perform(get("/lessons/" + reading.value()).with(SignedIn.as(learner)))
			.andReturn().getResponse().getContentAsString();
		assertThat(later).contains("Lesson complete").doesNotContain("class=\"flash\"");
	}

	@Test
	void theKeptPageShowsTheLearnerWhatThePageRenderedWholeShows() throws Exception {
		var me = SignedIn.as(learner);
		mvc.perform(post("/lessons/" + lesson.value() + "/answers/verb").param("optionIds", "b").with(me).with(csrf()));
		var page = "/lessons/" + lesson.value() + "?step=3";
		var kept = mvc.perform(get(page).with(me)).andReturn().getResponse().getContentAsString();
		// A flash message makes the player render the page whole, through Thymeleaf, from the same template.
		var whole = mvc.perform(get(page).with(me).cookie(flash(Map.of("flash", "flash.lesson.completed"))))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(kept).contains("You cannot see understanding.", "Your pick: wrong", "class=\"step current\"");
		assertThat(whole).contains("class=\"flash\"");
		assertThat(comparable(whole.replaceFirst("<div class=\"flash\" role=\"status\">[^<]*</div>", "")))
			.isEqualTo(comparable(kept));
	}

	@Test
	void theKeptPageGoesOutInUtf8WithItsLength() throws Exception {
		var page = mvc.perform(get("/lessons/" + lesson.value()).with(SignedIn.as(learner))).andReturn().getResponse();

		assertThat(page.getContentType()).isEqualTo("text/html;charset=UTF-8");
		assertThat(page.getContentLength()).isEqualTo(page.getContentAsByteArray().length);
		// The request's own token in every form, never the kept page's placeholder (csrf- and a nonce).
		assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains(">×</a>", "name=\"_csrf\"")
			.doesNotContainPattern("value=\"csrf-[0-9a-f-]{36}\"");
	}

	@Test
	void theAttemptAfterAnAnswerIsWhatReadingItAgainGives() {
		var me = Learner.of(learner);
		var before = attempts.open(me, lesson);
		var at = clock.instant().truncatedTo(ChronoUnit.MICROS);
		var choice = new Response.Choice(Set.of("b"));

		var feedback = attempts.answer(me, lesson, "verb", choice, null, null, ZoneOffset.UTC, at);
		var after = attempts.afterAnswer(me, before, feedback, choice, at);

		assertThat(after.completed()).isFalse();
		assertThat(after).isEqualTo(attempts.find(me, lesson).orElseThrow());
	}

	@Test
	void theAttemptAfterTheAnswerThatCompletesItIsWhatReadingItAgainGives() {
		var me = Learner.of(learner);
		answersBut("case").forEach((question, response) -> attempts.answer(me, lesson, question, response, null));
		var before = attempts.open(me, lesson);
		var at = clock.instant().truncatedTo(ChronoUnit.MICROS);
		var choice = new Response.Choice(Set.of("a"));

		var feedback = attempts.answer(me, lesson, "case", choice, null, null, ZoneOffset.UTC, at);
		var after = attempts.afterAnswer(me, before, feedback, choice, at);

		assertThat(after.completed()).isTrue();
		assertThat(after.completedAt()).isEqualTo(at);
		assertThat(after).isEqualTo(attempts.find(me, lesson).orElseThrow());
	}

	@Test
	void anAnswerThatCompletesTheLessonAfterAnotherTabsAnswerEndsWithBoth() {
		var me = Learner.of(learner);
		answersBut("case", "apply").forEach((question, response) -> attempts.answer(me, lesson, question, response, null));
		// This tab read the attempt with one question left besides its own; another tab answers that one meanwhile.
		var before = attempts.open(me, lesson);
		attempts.answer(me, lesson, "case", new Response.Choice(Set.of("a")), null);
		var at = clock.instant().truncatedTo(ChronoUnit.MICROS);
		var text = new Response.Text("My objective.");

		var feedback = attempts.answer(me, lesson, "apply", text, null, null, ZoneOffset.UTC, at);
		var after = attempts.afterAnswer(me, before, feedback, text, at);

		assertThat(feedback.lessonCompleted()).isTrue();
		assertThat(after.answers()).containsOnlyKeys("verb", "all", "top", "match", "order", "acronym", "case", "apply");
		assertThat(after).isEqualTo(attempts.find(me, lesson).orElseThrow());
	}

	/** A right answer to every question of the lesson but these. */
	private static Map<String, Response> answersBut(String... left) {
		var answers = new LinkedHashMap<String, Response>();
		answers.put("verb", new Response.Choice(Set.of("a")));
		answers.put("all", new Response.Choice(Set.of("a")));
		answers.put("top", new Response.Choice(Set.of("a", "b")));
		answers.put("match", new Response.Matching(Map.of("verb", "create", "condition", "inFive")));
		answers.put("order", new Response.Ordering(List.of("verb", "object")));
		answers.put("acronym", new Response.Text("measurable"));
		answers.put("case", new Response.Choice(Set.of("a")));
		answers.put("apply", new Response.Text("My objective."));
		answers.keySet().removeAll(Set.of(left));
		return answers;
	}

	@Test
	void anAnswerSentThroughHtmxComesBackAsTheReloadedPageShowsIt() throws Exception {
		var me = SignedIn.as(learner);
		mvc.perform(get("/lessons/" + lesson.value()).with(me));

		var answered = mvc.perform(post("/lessons/" + lesson.value() + "/answers/verb").param("optionIds", "b")
			.header("HX-Request", "true").with(me).with(csrf())).andReturn().getResponse();
		var reloaded = mvc.perform(get("/lessons/" + lesson.value()).with(me)).andReturn().getResponse()
			.getContentAsString();

		assertThat(answered.getStatus()).isEqualTo(200);
		assertThat(answered.getContentType()).isEqualTo("text/html;charset=UTF-8");
		var fragment = answered.getContentAsString(StandardCharsets.UTF_8).strip();
		assertThat(fragment).startsWith("<section").contains("id=\"interaction-verb\"", "Your pick: wrong")
			.doesNotContain("<html", "field-error");
		assertThat(reloaded).contains(fragment);
	}

	@Test
	void anAnswerSentThroughHtmxIsWhereAReloadResumes() throws Exception {
		var me = SignedIn.as(learner);
		mvc.perform(get("/lessons/" + lesson.value() + "?step=1").with(me));

		mvc.perform(post("/lessons/" + lesson.value() + "/answers/all").param("optionIds", "a")
			.header("HX-Request", "true").with(me).with(csrf()));

		var reloaded = mvc.perform(get("/lessons/" + lesson.value()).with(me)).andReturn().getResponse()
			.getContentAsString();
		assertThat(reloaded).containsPattern("id=\"step-6\"\\s+class=\"step current\"")
			.contains("Step 7 of 13");
	}

	@Test
	void theLessonGoesOneStepAtATimeWithItsProgressAndTheStepLinksSwapThePlayer() throws Exception {
		var me = SignedIn.as(learner);

		var page = mvc.perform(get("/lessons/" + lesson.value() + "?step=2").with(me)).andReturn().getResponse()
			.getContentAsString();

		assertThat(page).contains("class=\"player cards\"", "<progress max=\"13\" value=\"3\"",
				"aria-label=\"Close the lesson\"", ">Whole lesson<")
			.containsOnlyOnce("class=\"step current\"")
			.contains("hx-get=\"/lessons/" + lesson.value() + "?step=3\"", "hx-select=\"#player\"",
					"hx-push-url=\"true\"");
		var withoutJavaScript = java.util.regex.Pattern.compile("<a class=\"button\" href=\"([^\"]+)\"").matcher(page)
			.results().map(m -> m.group(1)).filter(link -> link.contains("step=3")).findFirst().orElseThrow();
		assertThat(withoutJavaScript).isEqualTo("/lessons/" + lesson.value() + "?step=3#step-3");
	}

	@Test
	void theWholeLessonIsAnOptionTheBrowserKeeps() throws Exception {
		var me = SignedIn.as(learner);

		var chosen = mvc.perform(get("/lessons/" + lesson.value() + "?view=whole").with(me)).andReturn().getResponse();
		var cookie = chosen.getCookie("morsel-lesson-view");
		var next = mvc.perform(get("/lessons/" + lesson.value()).cookie(cookie).with(me)).andReturn().getResponse();
		var back = mvc.perform(get("/lessons/" + lesson.value() + "?view=cards").cookie(cookie).with(me))
			.andReturn().getResponse();

		assertThat(cookie).isNotNull();
		assertThat(cookie.getValue()).isEqualTo("whole");
		assertThat(chosen.getContentAsString()).contains("class=\"player whole\"", ">One step at a time<");
		assertThat(next.getContentAsString()).contains("class=\"player whole\"");
		assertThat(back.getContentAsString()).contains("class=\"player cards\"");
		assertThat(back.getCookie("morsel-lesson-view").getValue()).isEqualTo("cards");
	}

	@Test
	void anUnknownViewIsRefusedInPlainWords() throws Exception {
		var refused = mvc.perform(get("/lessons/" + lesson.value() + "?view=sideways").with(SignedIn.as(learner)))
			.andReturn();

		assertThat(refused.getResponse().getStatus()).isEqualTo(400);
		assertThat(refused.getResolvedException()).hasMessageContaining("The view is \"cards\" or \"whole\"");
	}

	/** The cookie that carries these flash attributes to the next request, as a redirect after a form post sets it. */
	private Cookie[] flash(Map<String, String> attributes) {
		var flash = new FlashMap();
		flash.putAll(attributes);
		var response = new MockHttpServletResponse();
		flashMaps.saveOutputFlashMap(flash, new MockHttpServletRequest(), response);
		return response.getCookies();
	}

	/** The page apart from whitespace and what differs per request: the CSRF token and the time questions were shown. */
	private static String comparable(String page) {
		return page.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "name=\"_csrf\"")
			.replaceAll("name=\"shownAt\" value=\"\\d+\"", "name=\"shownAt\"")
			.replaceAll("name=\"answerKey\" value=\"[^\"]+\"", "name=\"answerKey\"")
			.replaceAll("\\s+", " ")
			.replace("> <", "><");
	}

	private static List<String> tokens(String page) {
		return java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
			.matcher(page)
			.results()
			.map(m -> m.group(1))
			.toList();
	}
}
