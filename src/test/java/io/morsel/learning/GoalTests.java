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
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** A learner's daily goal and streak: counted from their answers, shown on Today, chosen on the goal page. */
@MorselIntegrationTest
class GoalTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Lessons lessons;

	@Autowired
	Directory directory;

	@Autowired
	JsonMapper json;

	@Autowired
	Goals goals;

	@Autowired
	Clock clock;

	@Autowired
	Progress progress;

	@Autowired
	LearningDays days;

	CurrentMember learner;
	LessonId lesson;

	@BeforeEach
	void setUp() {
		var author = directory.member("author@globex.test", "globex").orElseThrow();
		learner = directory.member("learner@globex.test", "globex").orElseThrow();
		var content = json.readValue("""
				{"title": "One question", "objective": "Name the verb of an objective.", "estimatedMinutes": 2,
				 "skills": [], "blocks": [{"type": "interaction", "interaction": {"type": "single-choice", "id": "verb",
				   "prompt": "Which verb can you observe?", "assessesObjective": true, "explanation": null,
				   "options": [{"id": "a", "text": "List", "correct": true, "feedback": null},
				               {"id": "b", "text": "Understand", "correct": false, "feedback": null}]}}]}
				""", LessonContent.class);
		lesson = lessons.publish(author, lessons.create(author, content).lessonId()).lessonId();
	}

	@Test
	void anAnswerAddsItsMinutesAndAMasteredLessonToTodaysGoal() throws Exception {
		var me = Learner.of(learner);
		mvc.perform(post("/today/goal").param("kind", "LESSONS").param("amount", "1").with(SignedIn.as(learner))
			.with(csrf()));
		var before = goals.standing(me, learner.zone(), clock.instant());

		var answered = mvc.perform(post("/lessons/" + lesson.value() + "/answers/verb").param("optionIds", "a")
			.param("shownAt", String.valueOf(clock.millis() - 3 * 60_000)).with(SignedIn.as(learner)).with(csrf()))
			.andReturn().getResponse();
		var after = goals.standing(me, learner.zone(), clock.instant());
		var today = mvc.perform(get("/today").with(SignedIn.as(learner))).andReturn().getResponse().getContentAsString();

		assertThat(answered.getStatus()).isEqualTo(302);
		assertThat(after.minutesLearned()).isEqualTo(before.minutesLearned() + 3);
		assertThat(after.lessonsMastered()).isEqualTo(before.lessonsMastered() + 1);
		assertThat(after.streak().today()).isEqualTo(before.streak().today() + 1);
		assertThat(after.streak().todayMet()).isTrue();
		assertThat(today).contains("class=\"card goal-card\"", "Goal met for today.",
				"Streak: " + after.streak().days() + " days in a row", "Minutes learned",
				"<dd>" + after.minutesLearned() + "</dd>");
	}

	@Test
	void aGoalOutOfRangeIsRefusedInPlainWordsAndTheFormKeepsWhatWasSent() throws Exception {
		var refused = mvc.perform(post("/today/goal").param("kind", "MINUTES").param("amount", "500")
			.with(SignedIn.as(learner)).with(csrf())).andReturn().getResponse();
		var unknown = mvc.perform(post("/today/goal").param("kind", "HOURS").param("amount", "1")
			.with(SignedIn.as(learner)).with(csrf())).andReturn().getResponse();

		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString()).contains("A daily goal is 5 to 120 minutes", "value=\"500\"");
		assertThat(unknown.getStatus()).isEqualTo(422);
		assertThat(unknown.getContentAsString()).contains("Choose a goal in minutes or in lessons");
	}

	@Test
	void aChosenGoalIsTheLearnersOwnAndOthersKeepTheirs() throws Exception {
		var other = directory.member("learner@acme.test", "acme").orElseThrow();

		var saved = mvc.perform(post("/today/goal").param("kind", "MINUTES").param("amount", "25")
			.param("weekendsOff", "true").with(SignedIn.as(learner)).with(csrf())).andReturn().getResponse();
		var mine = goals.standing(Learner.of(learner), learner.zone(), clock.instant()).goal();
		var theirs = goals.standing(Learner.of(other), other.zone(), clock.instant()).goal();
		var page = mvc.perform(get("/today/goal").with(SignedIn.as(learner))).andReturn().getResponse()
			.getContentAsString();

		assertThat(saved.getRedirectedUrl()).isEqualTo("/today/goal");
		assertThat(mine).isEqualTo(new DailyGoal(DailyGoal.Kind.MINUTES, 25, true));
		assertThat(theirs).isNotEqualTo(mine);
		assertThat(page).contains("of 25 minutes today", "value=\"25\"");
	}

	@Test
	void todayReadsTheLearnersOwnGoalAndDaysWithTheirPrograms() throws Exception {
		var me = Learner.of(learner);
		var other = directory.member("learner@acme.test", "acme").orElseThrow();
		mvc.perform(post("/today/goal").param("kind", "LESSONS").param("amount", "1").with(SignedIn.as(learner))
			.with(csrf()));
		var yesterday = LearningDay.dateOf(clock.instant(), learner.zone()).minusDays(1);
		var before = progress.today(me, learner.zone(), clock.instant()).goal();

		// Another organisation's learner learns a lot; this learner completes one lesson yesterday, 7 minutes of it.
		days.add(Map.of(new Answers.DayKey(other.organisationId().value(), other.userId().value(), yesterday),
				new LearningDay(yesterday, 3_600, 4, 4)));
		days.add(Map.of(new Answers.DayKey(me.organisationId().value(), me.userId().value(), yesterday),
				new LearningDay(yesterday, 420, 1, 1)));
		var reading = progress.today(me, learner.zone(), clock.instant());
		var page = mvc.perform(get("/today").with(SignedIn.as(learner))).andReturn().getResponse()
			.getContentAsString();

		assertThat(reading.goal()).isEqualTo(goals.standing(me, learner.zone(), clock.instant()));
		assertThat(reading.goal().goal()).isEqualTo(new DailyGoal(DailyGoal.Kind.LESSONS, 1, false));
		assertThat(reading.goal().minutesLearned()).isEqualTo(before.minutesLearned() + 7);
		assertThat(reading.goal().lessonsMastered()).isEqualTo(before.lessonsMastered() + 1);
		assertThat(reading.goal().streak().days()).isGreaterThanOrEqualTo(1);
		assertThat(reading.programs()).isEqualTo(progress.of(me));
		assertThat(page).contains("of 1 lessons today", "Streak: " + reading.goal().streak().days() + " days in a row",
				"<dd>" + reading.goal().minutesLearned() + "</dd>", "<dd>" + reading.goal().lessonsMastered() + "</dd>");
	}
}
