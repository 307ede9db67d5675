package io.morsel.learning.web;

import static io.morsel.support.Csrf.csrf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.morsel.MorselIntegrationTest;
import io.morsel.catalog.LessonContent;
import io.morsel.catalog.LessonId;
import io.morsel.catalog.Lessons;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.identity.SignedIn;
import jakarta.servlet.http.Cookie;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An author plays a draft in the preview as a learner plays a lesson (card by card, answers marked in place, to the
 * score and the card at the lesson's end), and the preview stores nothing: no attempt, answer, review card, learning day
 * or event; the run travels sealed in the author's browser. Nobody else finds the draft.
 */
@MorselIntegrationTest
class DraftPreviewTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Lessons lessons;

	@Autowired
	Directory directory;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	CurrentMember author;
	LessonId lesson;
	String preview;

	@BeforeEach
	void setUp() throws IOException {
		author = directory.member("author@acme.test", "acme").orElseThrow();
		try (var in = getClass().getResourceAsStream("/catalog/every-block.json")) {
			var tree = (ObjectNode) json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			tree.putArray("skills");
			tree.put("title", "Preview " + UUID.randomUUID());
			lesson = lessons.create(author, json.treeToValue(tree, LessonContent.class)).lessonId();
		}
		preview = "/lessons/" + lesson.value() + "/preview";
	}

	@Test
	void theAuthorPlaysTheDraftCardByCardInAFrameOfTheirOwnSite() throws Exception {
		var page = perform(get(preview).with(SignedIn.as(author)));

		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("Rewrite a vague learning goal as one measurable objective.",
				"Preview of the draft", "action=\"" + preview + "/answers/verb\"", "href=\"" + preview + "?step=1#step-1\"")
			.containsPattern("id=\"step-0\"\\s+class=\"step current\"")
			.doesNotContain("action=\"/lessons/" + lesson.value() + "/answers/");
		assertThat(page.getHeader("X-Frame-Options")).isEqualTo("SAMEORIGIN");
		assertThat(page.getHeader("Content-Security-Policy")).contains("frame-ancestors 'self'")
			.doesNotContain("frame-ancestors 'none'");
		var otherPage = perform(get("/today").with(SignedIn.as(author)));
		assertThat(otherPage.getHeader("Content-Security-Policy")).contains("frame-ancestors 'none'");
		assertThat(otherPage.getHeader("X-Frame-Options")).isEqualTo("DENY");

		var step = perform(get(preview).param("step", "5").with(SignedIn.as(author))).getContentAsString();
		assertThat(step).containsPattern("id=\"step-5\"\\s+class=\"step current\"").contains("Which verb can you observe?");
	}

	@Test
	void answeringInThePreviewShowsTheFeedbackAndStoresNothing() throws Exception {
		var before = kept();

		var plain = perform(post(preview + "/answers/verb").param("optionIds", "b")
			.param("shownAt", String.valueOf(System.currentTimeMillis() - 5000)).param("answerKey", UUID.randomUUID().toString())
			.with(SignedIn.as(author)).with(csrf()));
		var swapped = perform(htmx(post(preview + "/answers/verb").param("optionIds", "a")));
		var everyQuestion = List.of(List.of("all", "optionIds", "a"), List.of("top", "optionIds", "a"),
				List.of("acronym", "text", "measurable"), List.of("case", "optionIds", "a"));
		for (var answer : everyQuestion) {
			var marked = perform(htmx(post(preview + "/answers/" + answer.get(0)).param(answer.get(1), answer.get(2))));
			assertThat(marked.getContentAsString()).as(answer.get(0)).contains("id=\"interaction-" + answer.get(0) + "\"");
		}
		var tryAgain = perform(htmx(get(preview + "/practice/verb")));

		assertThat(plain.getStatus()).isEqualTo(200);
		assertThat(plain.getContentAsString()).contains("Not quite.", "You cannot see understanding.",
				"Observable verbs make objectives measurable.", "href=\"" + preview + "/practice/verb#interaction-verb\"")
			.containsPattern("id=\"step-5\"\\s+class=\"step current\"");
		assertThat(swapped.getContentAsString()).doesNotContain("<html").contains("class=\"marks\"", "You can see a list.");
		assertThat(tryAgain.getContentAsString()).contains("name=\"optionIds\"", "hx-post=\"" + preview + "/answers/verb\"")
			.doesNotContain("You can see a list.");
		assertThat(kept()).isEqualTo(before);
		assertThat(perform(get("/lessons/" + lesson.value()).with(SignedIn.as(author))).getStatus())
			.as("the draft was never published, so no learner's player opens it").isEqualTo(404);
	}

	@Test
	void aRefusedAnswerComesBackWithWhatToFixAndBadAddressesAreClear() throws Exception {
		var refused = perform(post(preview + "/answers/top").param("optionIds", "a").with(SignedIn.as(author)).with(csrf()));
		var swapped = perform(htmx(post(preview + "/answers/top").param("optionIds", "a")));

		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString()).contains("Pick exactly 2 options; you picked 1.");
		assertThat(swapped.getContentAsString()).contains("Pick exactly 2 options; you picked 1.");
		assertThat(perform(htmx(post(preview + "/answers/nothing-here").param("optionIds", "a"))).getStatus())
			.isEqualTo(404);
		assertThat(perform(get(preview).param("step", "99").with(SignedIn.as(author))).getStatus()).isEqualTo(400);
		assertThat(perform(get(preview).param("step", "-1").with(SignedIn.as(author))).getStatus()).isEqualTo(400);
	}

	@Test
	void nobodyButTheOrganisationsAuthorsFindsTheDraft() throws Exception {
		var learner = directory.member("learner@acme.test", "acme").orElseThrow();
		var otherAuthor = directory.member("author@globex.test", "globex").orElseThrow();
		var before = kept();

		for (var stranger : List.of(learner, otherAuthor)) {
			assertThat(perform(get(preview).with(SignedIn.as(stranger))).getStatus()).as(stranger.email()).isEqualTo(404);
			var answer = perform(post(preview + "/answers/verb").param("optionIds", "a").with(SignedIn.as(stranger))
				.with(csrf()));
			assertThat(answer.getStatus()).as(stranger.email()).isEqualTo(404);
			assertThat(answer.getContentAsString()).doesNotContain("You can see a list.");
			assertThat(perform(get(preview + "/practice/verb").with(SignedIn.as(stranger))).getStatus())
				.as(stranger.email()).isEqualTo(404);
		}
		assertThat(perform(get("/lessons/" + UUID.randomUUID() + "/preview").with(SignedIn.as(author))).getStatus())
			.isEqualTo(404);
		assertThat(kept()).isEqualTo(before);
	}

	@Test
	void theEditorFramesThePreviewBesideTheForm() throws Exception {
		var editor = perform(get("/studio/lessons/" + lesson.value()).with(SignedIn.as(author))).getContentAsString();

		assertThat(editor).contains("<iframe src=\"" + preview + "\"", "width=\"390\" height=\"780\"",
				"href=\"" + preview + "\"");
		assertThat(perform(get("/studio/lessons/" + lesson.value()).with(SignedIn.as(author)))
			.getHeader("Content-Security-Policy")).contains("frame-src 'self'");
	}

	@Test
	void answeringEveryQuestionReachesTheEndWithTheScoreAndStillStoresNothing() throws Exception {
		var before = kept();
		Cookie run = null;
		var firstSeven = List.of(List.of("verb", "optionIds", "b"), List.of("all", "optionIds", "a"),
				List.of("top", "optionIds", "a", "optionIds", "b"),
				List.of("match", "pair.verb", "create", "pair.condition", "inFive"),
				List.of("order", "position.verb", "1", "position.object", "2"), List.of("acronym", "text", "Measurable"),
				List.of("case", "optionIds", "a"));
		for (var answer : firstSeven) {
			var marked = perform(withRun(htmx(answerTo(answer)), run));
			assertThat(marked.getContentAsString()).as(answer.get(0)).contains("class=\"marks\"")
				.doesNotContain("lesson-end");
			run = marked.getCookie(PreviewCookie.NAME);
			assertThat(run).as(answer.get(0)).isNotNull();
			assertThat(run.getPath()).isEqualTo(preview);
			assertThat(run.isHttpOnly()).isTrue();
		}
		var beforeLast = run;

		var last = perform(withRun(post(preview + "/answers/apply").param("text", "List three measurable verbs.")
			.with(SignedIn.as(author)).with(csrf()), run));
		run = last.getCookie(PreviewCookie.NAME);
		var back = perform(withRun(get(preview).param("step", "5").with(SignedIn.as(author)), run)).getContentAsString();
		var againWithHtmx = perform(withRun(htmx(post(preview + "/answers/apply").param("text", "Again.")), beforeLast));

		// Three of the four questions assessing the objective right (the verb missed): 75 %, under the 80 % of mastery.
		assertThat(last.getStatus()).isEqualTo(200);
		assertThat(last.getContentAsString()).contains("id=\"lesson-end\"", "Lesson complete", "75%",
				"Done, but not mastered yet", "Back to the editor", "Take it again",
				"action=\"" + preview + "/restart\"")
			.doesNotContain("/lessons/" + lesson.value() + "/retake", "Next lesson");
		assertThat(back).as("an earlier answer stays marked, and the lesson complete").contains("You cannot see understanding.",
				"Lesson complete.", "75%");
		assertThat(againWithHtmx.getContentAsString()).doesNotContain("<html")
			.contains("id=\"lesson-end\"", "hx-swap-oob=\"true\"", "75%");
		assertThat(kept()).isEqualTo(before);

		var restart = perform(withRun(post(preview + "/restart").with(SignedIn.as(author)).with(csrf()), run));
		assertThat(restart.getRedirectedUrl()).isEqualTo(preview);
		assertThat(restart.getCookie(PreviewCookie.NAME).getMaxAge()).isZero();
		assertThat(perform(get(preview).param("step", "5").with(SignedIn.as(author))).getContentAsString())
			.doesNotContain("You cannot see understanding.", "Lesson complete.");
	}

	@Test
	void aRunOpensOnlyForItsOwnLessonAndUnaltered() throws Exception {
		var answered = perform(htmx(post(preview + "/answers/verb").param("optionIds", "a")));
		var run = answered.getCookie(PreviewCookie.NAME);
		var other = draft(tree -> tree);
		// One character changed: to "x", unless it was one already (a cookie is base64url, so one run in 64).
		var altered = run.getValue().charAt(10) == 'x' ? "y" : "x";
		var tampered = new Cookie(PreviewCookie.NAME,
				run.getValue().substring(0, 10) + altered + run.getValue().substring(11));

		assertThat(perform(withRun(get(preview).param("step", "5").with(SignedIn.as(author)), run))
			.getContentAsString()).contains("You can see a list.");
		assertThat(perform(withRun(get("/lessons/" + other.value() + "/preview").param("step", "5")
			.with(SignedIn.as(author)), run)).getContentAsString()).doesNotContain("You can see a list.");
		var page = perform(withRun(get(preview).param("step", "5").with(SignedIn.as(author)), tampered));
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).doesNotContain("You can see a list.");
	}

	@Test
	void aDraftWithoutQuestionsIsFinishedAsALearnerFinishesIt() throws Exception {
		var reading = draft(tree -> {
			var blocks = tree.withArray("blocks");
			for (var i = blocks.size() - 1; i >= 0; i--) {
				if (blocks.get(i).path("type").asString().equals("interaction")) {
					blocks.remove(i);
				}
			}
			return tree;
		});
		var path = "/lessons/" + reading.value() + "/preview";
		var before = kept();

		var page = perform(get(path).with(SignedIn.as(author))).getContentAsString();
		var finished = perform(post(path + "/finish").with(SignedIn.as(author)).with(csrf()));
		var end = perform(withRun(get(path).with(SignedIn.as(author)), finished.getCookie(PreviewCookie.NAME)));

		assertThat(page).contains("action=\"" + path + "/finish\"").doesNotContain("Lesson complete");
		assertThat(finished.getRedirectedUrl()).isEqualTo(path + "#lesson-end");
		assertThat(end.getContentAsString()).contains("id=\"lesson-end\"", "Lesson complete", "Done.")
			.doesNotContain("action=\"" + path + "/finish\"", "75%");
		assertThat(kept()).isEqualTo(before);
	}

	private LessonId draft(UnaryOperator<ObjectNode> edit) throws IOException {
		try (var in = getClass().getResourceAsStream("/catalog/every-block.json")) {
			var tree = (ObjectNode) json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			tree.putArray("skills");
			tree.put("title", "Preview " + UUID.randomUUID());
			return lessons.create(author, json.treeToValue(edit.apply(tree), LessonContent.class)).lessonId();
		}
	}

	private MockHttpServletRequestBuilder answerTo(List<String> answer) {
		var request = post(preview + "/answers/" + answer.get(0));
		for (var i = 1; i < answer.size(); i += 2) {
			request.param(answer.get(i), answer.get(i + 1));
		}
		return request;
	}

	private static MockHttpServletRequestBuilder withRun(MockHttpServletRequestBuilder request, @Nullable Cookie run) {
		return run == null ? request : request.cookie(run);
	}

	/** Everything a learner's answer would leave behind, for this lesson. */
	private List<Long> kept() {
		var id = lesson.value();
		return List.of(
				jdbc.sql("SELECT count(*) FROM lesson_attempts WHERE lesson_id = :id").param("id", id).query(Long.class).single(),
				jdbc.sql("""
						SELECT count(*)
						FROM answers
						JOIN lesson_attempts ON lesson_attempts.id = answers.attempt_id
						WHERE lesson_attempts.lesson_id = :id""").param("id", id).query(Long.class).single(),
				jdbc.sql("SELECT count(*) FROM review_cards WHERE lesson_id = :id").param("id", id).query(Long.class).single(),
				jdbc.sql("SELECT count(*) FROM learner_days WHERE user_id = :user").param("user", author.userId().value())
					.query(Long.class).single(),
				jdbc.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE :id")
					.param("id", "%" + id + "%").query(Long.class).single());
	}

	private MockHttpServletRequestBuilder htmx(MockHttpServletRequestBuilder request) {
		return request.header("HX-Request", "true").with(SignedIn.as(author)).with(csrf());
	}

	private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse();
	}
}
