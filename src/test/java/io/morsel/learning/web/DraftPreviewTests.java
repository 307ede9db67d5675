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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
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
 * An author plays a draft in the preview as a learner plays a lesson (card by card, answers marked in place), and the
 * preview keeps nothing: no attempt, answer, review card, learning day or event. Nobody else finds the draft.
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
