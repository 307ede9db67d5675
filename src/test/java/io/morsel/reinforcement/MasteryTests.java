package io.morsel.reinforcement;

import static io.morsel.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.morsel.MorselIntegrationTest;
import io.morsel.TestInfrastructure;
import io.morsel.catalog.LessonId;
import io.morsel.catalog.SkillId;
import io.morsel.catalog.Skills;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.identity.SignedIn;
import io.morsel.identity.Teams;
import io.morsel.learning.AnswerRecorded;
import io.morsel.learning.AnswersRecorded;
import io.morsel.learning.Learner;
import io.morsel.learning.ReviewDueTimes;
import io.morsel.support.Api;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A learner masters a skill once every item of it was answered right on two days, the last three days or more after
 * the review before; the status is stored once and announced through the event publication log; the nightly scan
 * finds the mastery that lapsed as time passed. The learner sees their skills and curves, a manager the team's.
 */
@MorselIntegrationTest
class MasteryTests {

	@Autowired
	Reviewers reviewers;

	@Autowired
	FirstReviews firstReviews;

	@Autowired
	Cards cards;

	@Autowired
	Scheduling scheduling;

	@Autowired
	RetentionSettings retention;

	@Autowired
	SkillMastery mastery;

	@Autowired
	ReviewDueTimes dueTimes;

	@Autowired
	Skills skills;

	@Autowired
	Directory directory;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@LocalServerPort
	int port;

	@Test
	void aSkillIsMasteredOnceTheRuleHoldsAndAnnouncedOnce() {
		var learner = reviewers.learner("globex", "UTC");
		var lesson = reviewers.lesson("globex", "Mastered");
		var skill = skill(learner);
		var start = Instant.now().minus(Duration.ofDays(10));

		firstAnswer(learner, lesson, skill, start);
		review(learner, lesson, start.plus(Duration.ofDays(1)), Rating.EASY, true);
		assertThat(stored(learner, skill)).isEqualTo("none"); // Right on two days, but only a day apart.

		review(learner, lesson, start.plus(Duration.ofDays(5)), Rating.EASY, true);
		assertThat(stored(learner, skill)).isEqualTo("mastered");

		review(learner, lesson, start.plus(Duration.ofDays(9)), Rating.GOOD, true);
		assertThat(stored(learner, skill)).isEqualTo("mastered");
		await(() -> publications(SkillMastered.class, learner) == 1);
		assertThat(publications(SkillMastered.class, learner)).isEqualTo(1);
	}

	@Test
	void aWrongReviewLosesTheMasteryAndTheNextRightOnesRegainIt() {
		var learner = reviewers.learner("globex", "UTC");
		var lesson = reviewers.lesson("globex", "Forgotten");
		var skill = skill(learner);
		var start = Instant.now().minus(Duration.ofDays(20));
		firstAnswer(learner, lesson, skill, start);
		review(learner, lesson, start.plus(Duration.ofDays(4)), Rating.EASY, true);
		assertThat(stored(learner, skill)).isEqualTo("mastered");

		review(learner, lesson, start.plus(Duration.ofDays(10)), Rating.AGAIN, false);
		assertThat(stored(learner, skill)).isEqualTo("lapsed");
		await(() -> publications(MasteryLost.class, learner) == 1);

		review(learner, lesson, start.plus(Duration.ofDays(14)), Rating.GOOD, true);
		assertThat(stored(learner, skill)).isEqualTo("mastered");
		await(() -> publications(SkillMastered.class, learner) == 2);
	}

	@Test
	void theNightlyScanFindsMasteryThatLapsedAndTwoScansAtOnceAnnounceItOnce() {
		var learner = reviewers.learner("globex", "UTC");
		var lesson = reviewers.lesson("globex", "Lapsing");
		var skill = skill(learner);
		var start = Instant.now().minus(Duration.ofDays(6));
		firstAnswer(learner, lesson, skill, start);
		review(learner, lesson, start.plus(Duration.ofDays(4)), Rating.EASY, true);
		assertThat(stored(learner, skill)).isEqualTo("mastered");

		mastery.scanLapses(Instant.now());
		assertThat(stored(learner, skill)).isEqualTo("mastered"); // Recall holds for now.

		var later = Instant.now().plus(Duration.ofDays(3650));
		if (TestInfrastructure.onH2()) {
			assertThat(mastery.scanLapses(later)).isPositive(); // H2 answers a row locked by another scan with an error.
		}
		else {
			var first = CompletableFuture.supplyAsync(() -> mastery.scanLapses(later));
			var second = CompletableFuture.supplyAsync(() -> mastery.scanLapses(later));
			assertThat(first.join() + second.join()).isPositive();
		}

		assertThat(stored(learner, skill)).isEqualTo("lapsed");
		await(() -> publications(MasteryLost.class, learner) == 1);
		assertThat(publications(MasteryLost.class, learner)).isEqualTo(1);
		assertThat(mastery.of(Learner.of(learner), later).getFirst().status()).isEqualTo(MasteryStatus.LAPSED);
	}

	@Test
	void theNightlyScanIsScheduledOnceForTheClusterInDbSchedulersTable() {
		// The scheduler registers its recurring tasks when it starts: the row is what every node claims from.
		await(() -> jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'mastery-lapse-scan'")
			.query(Integer.class).single() == 1);
		var next = jdbc.sql("SELECT execution_time FROM scheduled_tasks WHERE task_name = 'mastery-lapse-scan'")
			.query(java.time.OffsetDateTime.class).single();
		assertThat(next.atZoneSameInstant(java.time.ZoneOffset.UTC).toLocalTime()).isEqualTo(java.time.LocalTime.of(2, 30));
	}

	@Test
	void theLearnerSeesEachSkillWithItsForgettingCurveDrawnOnTheServer() throws Exception {
		var learner = reviewers.learner("globex", "UTC");
		var lesson = reviewers.lesson("globex", "Curved");
		var skill = skill(learner);
		var start = Instant.now().minus(Duration.ofDays(6));
		firstAnswer(learner, lesson, skill, start);
		review(learner, lesson, start.plus(Duration.ofDays(4)), Rating.EASY, true);
		var name = skills.of(learner.organisationId()).stream().filter(s -> s.id().equals(skill)).findFirst()
			.orElseThrow().name();

		var page = mvc.perform(get("/skills").with(SignedIn.as(learner))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();

		assertThat(page).contains(name, "Mastered", "<svg", "<title", "Forgetting curve of " + name, "<desc",
				"2 reviews marked", "<polyline");
		assertThat(page).doesNotContain("<script>");
		// Two reviews, each a dot on the curve.
		assertThat(page.split("<circle", -1)).hasSizeGreaterThanOrEqualTo(3);
	}

	@Test
	void aManagerSeesTheTeamsRecallWeakestFirstAndALearnerMayNot() throws Exception {
		var learner = reviewers.learner("globex", "UTC");
		var lesson = reviewers.lesson("globex", "Team");
		var skill = skill(learner);
		firstAnswer(learner, lesson, skill, Instant.now().minus(Duration.ofDays(2)));
		var manager = directory.member("manager@globex.test", "globex").orElseThrow();
		// Another learner of globex, outside the groups the manager manages.
		var stranger = reviewers.learner("globex", "UTC");
		var strangersSkill = skill(stranger);
		firstAnswer(stranger, reviewers.lesson("globex", "Elsewhere"), strangersSkill, Instant.now());
		Teams.lookAfter(mvc, directory, directory.member("admin@globex.test", "globex").orElseThrow(), manager, learner);

		var page = mvc.perform(get("/skills/team").with(SignedIn.as(manager))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();

		assertThat(page).contains("id=\"team-skills\"", "Rae Viewer", nameOf(learner, skill))
			.doesNotContain(nameOf(stranger, strangersSkill));
		mvc.perform(get("/skills/team").with(SignedIn.as(learner))).andExpect(status().isForbidden());
	}

	@Test
	void theApiAnswersTheCallersSkillsAndAManagersMembersOnlyInTheirGroups() throws Exception {
		var learner = reviewers.learner("globex", "UTC");
		var lesson = reviewers.lesson("globex", "Api");
		var skill = skill(learner);
		var start = Instant.now().minus(Duration.ofDays(6));
		firstAnswer(learner, lesson, skill, start);
		review(learner, lesson, start.plus(Duration.ofDays(4)), Rating.EASY, true);
		var api = Api.on(port);
		Teams.lookAfter(mvc, directory, directory.member("admin@globex.test", "globex").orElseThrow(),
				directory.member("manager@globex.test", "globex").orElseThrow(), learner);
		var manager = api.token("manager@globex.test", "globex");

		var answer = api.get(manager, "/api/v1/reinforcement/skills?member=" + learner.memberId().value());

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		var first = json.readTree(answer.getBody()).get("skills").get(0);
		assertThat(first.get("skillId").asString()).isEqualTo(skill.value().toString());
		assertThat(first.get("status").asString()).isEqualTo("mastered");
		assertThat(first.get("items").asInt()).isEqualTo(1);
		assertThat(first.get("recall").asDouble()).isBetween(0.85, 1.0);

		var outsideTheirGroups = reviewers.learner("globex", "UTC");
		assertThat(api.get(manager, "/api/v1/reinforcement/skills?member=" + outsideTheirGroups.memberId().value())
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		var elsewhere = reviewers.learner("acme", "UTC");
		assertThat(api.get(manager, "/api/v1/reinforcement/skills?member=" + elsewhere.memberId().value())
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(api.get(manager, "/api/v1/reinforcement/skills?member=" + UUID.randomUUID()).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		var demoLearner = api.token("learner@globex.test", "globex");
		assertThat(api.get(demoLearner, "/api/v1/reinforcement/skills").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(api.get(demoLearner, "/api/v1/reinforcement/skills?member=" + learner.memberId().value())
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void administratorsSetTheirOrganisationsMasteryThresholds() {
		var api = Api.on(port);
		var admin = api.token("admin@acme.test", "acme");
		var path = "/api/v1/reinforcement/mastery-thresholds";
		try {
			assertThat(json.readTree(api.get(admin, path).getBody()).get("recall").asDouble()).isEqualTo(0.85);

			var changed = api.put(admin, path, java.util.Map.of("recall", 0.9, "days", 3, "intervalDays", 7));

			assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
			var read = json.readTree(api.get(admin, path).getBody());
			assertThat(List.of(read.get("recall").asDouble(), read.get("days").asDouble(),
					read.get("intervalDays").asDouble())).containsExactly(0.9, 3.0, 7.0);
			assertThat(api.put(admin, path, java.util.Map.of("recall", 1.5, "days", 3, "intervalDays", 7))
				.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(api.get(api.token("learner@acme.test", "acme"), path).getStatusCode())
				.isEqualTo(HttpStatus.FORBIDDEN);
		}
		finally {
			api.put(admin, path, java.util.Map.of("recall", 0.85, "days", 2, "intervalDays", 3));
		}
	}

	private SkillId skill(CurrentMember learner) {
		return skills.add(learner.organisationId(), "Mastery " + UUID.randomUUID().toString().substring(0, 8), null,
				null).id();
	}

	/** The learner's first answer to the lesson's question "verb", right, with the skill: the card's first review. */
	private void firstAnswer(CurrentMember learner, LessonId lesson, SkillId skill, Instant at) {
		firstReviews.on(new AnswersRecorded(List.of(new AnswerRecorded(learner.organisationId(), learner.userId(),
				lesson, 1, "verb", List.of(skill), true, true, 1, Duration.ofSeconds(3), at))));
		await(() -> reviewers.cards(learner) == 1);
		await(() -> jdbc.sql("SELECT count(*) FROM card_skills WHERE user_id = :user")
			.param("user", learner.userId().value()).query(Integer.class).single() == 1);
	}

	/** A review of the card at that time, written as the daily review's writer writes it. */
	private void review(CurrentMember learner, LessonId lesson, Instant at, Rating rating, boolean correct) {
		var card = Cards.idOf(Learner.of(learner), lesson, "verb");
		new TransactionTemplate(transactions).executeWithoutResult(status -> ReviewWriter.store(cards, scheduling,
				retention, mastery, dueTimes, List.of(new ReviewWriter.Pending(card, UUID.randomUUID(), Learner.of(learner), rating, "{}",
						correct ? 1 : 0, correct, Duration.ofSeconds(3), at))));
	}

	private String stored(CurrentMember learner, SkillId skill) {
		return jdbc.sql("SELECT status FROM skill_mastery WHERE user_id = :user AND skill_id = :skill")
			.param("user", learner.userId().value()).param("skill", skill.value()).query(String.class).optional()
			.orElse("none");
	}

	private int publications(Class<?> event, CurrentMember learner) {
		return jdbc.sql("""
				SELECT count(*)
				FROM event_publication
				WHERE event_type = :type
				  AND listener_id LIKE :listener
				  AND serialized_event LIKE :user
				""")
			.param("type", event.getName())
			.param("listener", "io.morsel.listening.SkillActivity%")
			.param("user", "%" + learner.userId().value() + "%")
			.query(Integer.class)
			.single();
	}

	private String nameOf(CurrentMember member, SkillId skill) {
		return skills.of(member.organisationId()).stream().filter(s -> s.id().equals(skill)).findFirst().orElseThrow()
			.name();
	}
}
