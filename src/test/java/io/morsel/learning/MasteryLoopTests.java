package io.morsel.learning;

import static io.morsel.support.Csrf.csrf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.morsel.MorselIntegrationTest;
import io.morsel.catalog.LessonContent;
import io.morsel.catalog.LessonId;
import io.morsel.catalog.Lessons;
import io.morsel.catalog.Programs;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.identity.SignedIn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The player closes the mastery loop: an answer is marked option by option with the right answer revealed, a refused
 * form keeps the learner's picks, trying again is practice that leaves the scored answer alone, and the lesson's end
 * says whether the objective is met and leads on to the next lesson. Plain forms and htmx alike.
 */
@MorselIntegrationTest
class MasteryLoopTests {

	/** Right answers to every question of every-block.json; its assessing ones are verb, all, match and case. */
	private static final List<List<String>> RIGHT = List.of(List.of("verb", "optionIds", "a"),
			List.of("all", "optionIds", "a"), List.of("top", "optionIds", "a", "optionIds", "b"),
			List.of("match", "pair.verb", "create", "pair.condition", "inFive"),
			List.of("order", "position.verb", "1", "position.object", "2"), List.of("acronym", "text", "measurable"),
			List.of("case", "optionIds", "a"), List.of("apply", "text", "My objective."));

	/** The same, wrong on every assessing question. */
	private static final List<List<String>> MISSED = List.of(List.of("verb", "optionIds", "b"),
			List.of("all", "optionIds", "b"), List.of("top", "optionIds", "a", "optionIds", "b"),
			List.of("match", "pair.verb", "inFive", "pair.condition", "create"),
			List.of("order", "position.verb", "1", "position.object", "2"), List.of("acronym", "text", "measurable"),
			List.of("case", "optionIds", "b"), List.of("apply", "text", "My objective."));

	@Autowired
	MockMvc mvc;

	@Autowired
	Lessons lessons;

	@Autowired
	Programs programs;

	@Autowired
	Enrolments enrolments;

	@Autowired
	Directory directory;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	CurrentMember author;
	CurrentMember learner;
	LessonId lesson;

	@BeforeEach
	void setUp() throws IOException {
		author = directory.member("author@globex.test", "globex").orElseThrow();
		learner = directory.member("learner@globex.test", "globex").orElseThrow();
		lesson = publish("Objectives you can see");
	}

	@Test
	void aWrongAnswerIsMarkedInPlaceWithEveryOptionInViewAndTheRightOneRevealed() throws Exception {
		var answered = mvc.perform(answer("verb", List.of("optionIds", "b"), false)).andReturn().getResponse();
		var page = mvc.perform(get(answered.getRedirectedUrl()).with(SignedIn.as(learner)))
			.andReturn().getResponse().getContentAsString();

		var verb = section(page, "verb");
		assertThat(verb).contains("Not quite.");
		// The picked option, wrong, with the feedback written for it beside it; the right one revealed, unpicked.
		assertThat(mark(verb, "Understand")).contains("mark wrong chosen", "Your pick: wrong",
				"You cannot see understanding.");
		assertThat(mark(verb, "List")).contains("mark missed", "Right answer, not picked")
			.doesNotContain("You can see a list.");
		assertThat(verb).doesNotContain("name=\"optionIds\"").contains("Try again");
	}

	@Test
	void aMatchingMarksEachPairAndGivesTheRightMatchWhereWrong() throws Exception {
		var fragment = mvc.perform(answer("match", List.of("pair.verb", "create", "pair.condition", "create"), true))
			.andReturn().getResponse().getContentAsString();

		assertThat(fragment).contains("Partly right (50%).");
		assertThat(mark(fragment, "Verb → Create")).contains("mark right", ">Right<");
		assertThat(mark(fragment, "Condition → Create")).contains("mark wrong", "Right match: in five minutes",
				"Conditions say how well.");
	}

	@Test
	void aRefusedAnswerKeepsThePicksAndSaysWhatToFixInPlainWords() throws Exception {
		for (var htmx : List.of(false, true)) {
			var refused = mvc.perform(answer("top", List.of("optionIds", "c"), htmx)).andReturn().getResponse();
			var html = refused.getContentAsString();

			assertThat(refused.getStatus()).isEqualTo(htmx ? 200 : 422);
			assertThat(section(html, "top")).contains("Pick exactly 2 options; you picked 1.")
				.containsPattern("value=\"c\"\\s+checked")
				.doesNotContainPattern("value=\"[ab]\"\\s+checked")
				.doesNotContain("'top'");
		}
		assertThat(answersTo("top")).isZero();
	}

	@Test
	void tryingAgainIsPracticeThatLeavesTheScoredFirstAnswerAsItWas() throws Exception {
		mvc.perform(answer("verb", List.of("optionIds", "b"), false));

		var form = mvc.perform(get("/lessons/" + lesson.value() + "/practice/verb").with(SignedIn.as(learner)))
			.andReturn().getResponse().getContentAsString();
		assertThat(section(form, "verb")).contains("action=\"/lessons/" + lesson.value() + "/practice/verb\"",
				"this answer is not scored", "name=\"optionIds\"");

		var practised = mvc.perform(post("/lessons/" + lesson.value() + "/practice/verb").param("optionIds", "a")
			.header("HX-Request", "true").with(SignedIn.as(learner)).with(csrf())).andReturn().getResponse()
			.getContentAsString();
		assertThat(practised).contains("Correct.", "Practice answer, not scored. Your scored answer stays at 0%.");
		assertThat(mark(practised, "List")).contains("mark right chosen", "You can see a list.");

		var after = mvc.perform(get("/lessons/" + lesson.value()).with(SignedIn.as(learner)))
			.andReturn().getResponse().getContentAsString();
		assertThat(section(after, "verb")).contains("Not quite.").doesNotContain("Correct.");
		assertThat(answersTo("verb")).isEqualTo(1);
		assertThat(jdbc.sql("""
				SELECT assessed_credit FROM lesson_attempts WHERE lesson_id = :lesson AND user_id = :user
				""").param("lesson", lesson.value()).param("user", learner.userId().value()).query(Double.class)
			.single()).isZero();
	}

	@Test
	void practiceComesOnlyAfterTheScoredAnswer() throws Exception {
		var early = mvc.perform(post("/lessons/" + lesson.value() + "/practice/verb").param("optionIds", "a")
			.header("HX-Request", "true").with(SignedIn.as(learner)).with(csrf())).andReturn().getResponse()
			.getContentAsString();

		assertThat(early).contains("Answer this question first").doesNotContain("Correct.");
		assertThat(answersTo("verb")).isZero();
	}

	@Test
	void aLessonWhoseAssessingQuestionsWereMostlyMissedIsDoneButNotMastered() throws Exception {
		var last = answerAll(lesson, MISSED);

		assertThat(last).contains("id=\"lesson-end\"", "Lesson complete",
				"Done, but not mastered yet", "come back in your daily review", ">0%<", "Back to today")
			.doesNotContain("Objective met");
	}

	@Test
	void theLastAnswerShowsTheEndBelowItAndLeadsOnToTheNextLessonOfTheProgram() throws Exception {
		var second = publish("Conditions you can check");
		var program = programs.create(learner.organisationId(), "loop-" + UUID.randomUUID().toString().substring(0, 8),
				"Objectives", "Authors write objectives a reviewer can check", null, true, List.of(lesson, second));
		enrolments.enrol(Learner.of(learner), program.id());

		var end = answerAll(lesson, RIGHT);
		assertThat(end.indexOf("id=\"lesson-end\"")).isGreaterThan(end.indexOf("id=\"interaction-apply\""));
		assertThat(end).contains("Objective met", ">100%<", "Next lesson: Conditions you can check",
				"href=\"/lessons/" + second.value() + "\"");

		var programEnd = answerAll(second, MISSED);
		assertThat(programEnd).contains("Program complete.", "Back to today").doesNotContain("Next lesson");

		// Without JavaScript, the last answer comes back to the page at its end, which shows the same card.
		var page = mvc.perform(get("/lessons/" + lesson.value()).with(SignedIn.as(learner)))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"lesson-end\"", "Objective met").doesNotContain("Next lesson");
	}

	@Test
	void joiningAProgramGoesStraightToItsFirstLesson() throws Exception {
		var program = programs.create(learner.organisationId(), "join-" + UUID.randomUUID().toString().substring(0, 8),
				"Objectives", "Authors write objectives a reviewer can check", null, true, List.of(lesson));

		var joined = mvc.perform(post("/programs/" + program.id().value() + "/enrolment").with(SignedIn.as(learner))
			.with(csrf())).andReturn().getResponse();

		assertThat(joined.getRedirectedUrl()).isEqualTo("/lessons/" + lesson.value());
	}

	private LessonId publish(String title) throws IOException {
		try (var in = getClass().getResourceAsStream("/catalog/every-block.json")) {
			var tree = (ObjectNode) json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			tree.putArray("skills");
			tree.put("title", title);
			var draft = lessons.create(author, json.treeToValue(tree, LessonContent.class));
			return lessons.publish(author, draft.lessonId()).lessonId();
		}
	}

	/** Answers every question with htmx, as given; what the last answer swapped in. */
	private String answerAll(LessonId at, List<List<String>> answers) throws Exception {
		var previous = lesson;
		lesson = at;
		var last = "";
		for (var answer : answers) {
			last = mvc.perform(answer(answer.getFirst(), answer.subList(1, answer.size()), true))
				.andReturn().getResponse().getContentAsString();
		}
		lesson = previous;
		return last;
	}

	private MockHttpServletRequestBuilder answer(String interaction, List<String> fields, boolean htmx) {
		var request = post("/lessons/" + lesson.value() + "/answers/" + interaction).with(SignedIn.as(learner))
			.with(csrf());
		for (int i = 0; i < fields.size(); i += 2) {
			request.param(fields.get(i), fields.get(i + 1));
		}
		return htmx ? request.header("HX-Request", "true") : request;
	}

	private long answersTo(String interaction) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM answers a JOIN lesson_attempts t ON t.id = a.attempt_id
				WHERE t.lesson_id = :lesson AND a.interaction_id = :interaction
				""").param("lesson", lesson.value()).param("interaction", interaction).query(Long.class).single();
	}

	/** The section of one interaction. */
	private static String section(String html, String interaction) {
		var start = html.indexOf("id=\"interaction-" + interaction + "\"");
		assertThat(start).as("interaction " + interaction).isNotNegative();
		return html.substring(start, html.indexOf("</section>", start));
	}

	/** The marked item whose text is this. */
	private static String mark(String html, String text) {
		var matcher = Pattern.compile("<li class=\"(mark [^\"]*)\">((?:(?!</li>).)*?" + Pattern.quote(text)
				+ "(?:(?!</li>).)*)</li>", Pattern.DOTALL).matcher(html);
		assertThat(matcher.find()).as("a mark of " + text).isTrue();
		return matcher.group(1) + " " + matcher.group(2);
	}
}
