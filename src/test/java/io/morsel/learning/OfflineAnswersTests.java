package io.morsel.learning;

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
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers given offline arrive later, maybe twice (offline.js sends its queue again when a reply was lost): each is
 * stored once, at the time it was given; a time in the future or older than a week is refused with a 400 problem.
 */
@MorselIntegrationTest
class OfflineAnswersTests {

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

	CurrentMember learner;
	LessonId lesson;
	String key;

	@BeforeEach
	void setUp() throws Exception {
		var author = directory.member("author@globex.test", "globex").orElseThrow();
		learner = directory.member("learner@globex.test", "globex").orElseThrow();
		var content = json.readValue("""
				{"title": "Offline %s", "objective": "Rewrite a vague learning goal as one measurable objective.",
				 "estimatedMinutes": 2, "skills": [], "blocks": [
				  {"type": "interaction", "interaction": {"type": "single-choice", "id": "verb",
				   "prompt": "Which verb can you observe?", "assessesObjective": true, "explanation": null,
				   "options": [{"id": "a", "text": "List", "correct": true, "feedback": "You can see a list."},
				               {"id": "b", "text": "Understand", "correct": false, "feedback": "You cannot see understanding."}]}},
				  {"type": "interaction", "interaction": {"type": "single-choice", "id": "measure",
				   "prompt": "Which one is measurable?", "assessesObjective": true, "explanation": null,
				   "options": [{"id": "a", "text": "Create a report", "correct": true, "feedback": "A report can be checked."},
				               {"id": "b", "text": "Know reports", "correct": false, "feedback": "Knowing cannot be seen."}]}}]}
				""".formatted(UUID.randomUUID()), LessonContent.class);
		lesson = lessons.publish(author, lessons.create(author, content).lessonId()).lessonId();
		var page = mvc.perform(get("/lessons/" + lesson.value()).with(SignedIn.as(learner)))
			.andReturn().getResponse().getContentAsString();
		var found = Pattern.compile("name=\"answerKey\" value=\"([^\"]+)\"").matcher(page);
		assertThat(found.find()).isTrue();
		key = found.group(1);
	}

	@Test
	void anAnswerGivenOfflineIsStoredOnceAtItsTimeEvenWhenSentTwice() throws Exception {
		var given = Instant.now().minus(Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
		var shown = given.minusSeconds(40);

		var first = mvc.perform(offline("a", given, shown)).andReturn().getResponse();
		var again = mvc.perform(offline("a", given, shown)).andReturn().getResponse();

		assertThat(first.getStatus()).isEqualTo(200);
		assertThat(first.getContentAsString()).contains("id=\"interaction-verb\"", "Correct.");
		assertThat(again.getStatus()).isEqualTo(200);
		assertThat(again.getContentAsString()).contains("Correct.").doesNotContain("already answered");
		var stored = jdbc.sql("""
				SELECT a.answered_at, a.time_taken_ms FROM answers a JOIN lesson_attempts t ON t.id = a.attempt_id
				WHERE t.lesson_id = :lesson AND t.user_id = :user AND a.interaction_id = 'verb'
				""")
			.param("lesson", lesson.value())
			.param("user", learner.userId().value())
			.query((rs, n) -> new Object[] { rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getLong(2) })
			.list();
		assertThat(stored).hasSize(1);
		assertThat(stored.getFirst()[0]).isEqualTo(given);
		assertThat(stored.getFirst()[1]).as("time taken, from shown to given").isEqualTo(40_000L);
	}

	@Test
	void anAnswerSentWithAnotherPickUnderTheSameKeyKeepsTheFirst() throws Exception {
		var given = Instant.now().minus(Duration.ofMinutes(10));
		mvc.perform(offline("b", given, given.minusSeconds(5))).andReturn();

		var changed = mvc.perform(offline("a", given, given.minusSeconds(5))).andReturn().getResponse();

		assertThat(changed.getContentAsString()).doesNotContain("Correct.");
		assertThat(jdbc.sql("""
				SELECT a.response FROM answers a JOIN lesson_attempts t ON t.id = a.attempt_id
				WHERE t.lesson_id = :lesson AND t.user_id = :user AND a.interaction_id = 'verb'
				""").param("lesson", lesson.value()).param("user", learner.userId().value()).query(String.class).list())
			.singleElement().asString().contains("b");
	}

	@Test
	void anAnswerFromTheFutureOrOlderThanAWeekIsRefusedWithAProblemAndNotStored() throws Exception {
		var future = mvc.perform(offline("a", Instant.now().plus(Duration.ofHours(1)), Instant.now())
			.accept("application/problem+json", "application/json")).andReturn().getResponse();
		var old = mvc.perform(offline("a", Instant.now().minus(Duration.ofDays(8)), Instant.now().minus(Duration.ofDays(8)))
			.accept("application/problem+json", "application/json")).andReturn().getResponse();

		assertThat(future.getStatus()).isEqualTo(400);
		// MockMvc stops at the error the page answers with; its problem detail is the shell's (ErrorPages).
		assertThat(future.getErrorMessage()).contains("future");
		assertThat(old.getStatus()).isEqualTo(400);
		assertThat(old.getErrorMessage()).isEqualTo("An answer given more than 7 days ago is too old to be stored");
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM answers a JOIN lesson_attempts t ON t.id = a.attempt_id
				WHERE t.lesson_id = :lesson AND t.user_id = :user
				""").param("lesson", lesson.value()).param("user", learner.userId().value()).query(Long.class).single())
			.isZero();
	}

	@Test
	void anAnswerGivenOfflineYesterdayCountsOnYesterday() throws Exception {
		var yesterday = Instant.now().minus(Duration.ofDays(1));

		mvc.perform(offline("a", yesterday, yesterday.minusSeconds(30))).andReturn();

		var day = yesterday.atZone(learner.zone()).toLocalDate();
		assertThat(jdbc.sql("""
				SELECT seconds FROM learner_days WHERE user_id = :user AND organisation_id = :organisation
				AND learned_on = :day
				""").param("user", learner.userId().value()).param("organisation", learner.organisationId().value())
			.param("day", day).query(Integer.class).list()).isNotEmpty().allSatisfy(seconds -> assertThat(seconds).isGreaterThanOrEqualTo(30));
	}

	/** The request offline.js sends from its queue: the form as it was, with the time it was given. */
	private MockHttpServletRequestBuilder offline(String option, Instant given, Instant shown) {
		return post("/lessons/" + lesson.value() + "/answers/verb").param("optionIds", option)
			.param("answerKey", key)
			.param("shownAt", String.valueOf(shown.toEpochMilli()))
			.param("answeredAt", String.valueOf(given.toEpochMilli()))
			.header("HX-Request", "true")
			.with(SignedIn.as(learner))
			.with(csrf());
	}
}
