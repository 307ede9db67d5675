package io.morsel.credentials;

import static io.morsel.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import io.morsel.catalog.LessonContent;
import io.morsel.catalog.LessonId;
import io.morsel.catalog.Lessons;
import io.morsel.catalog.ProgramId;
import io.morsel.catalog.Programs;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.learning.Learner;
import io.morsel.learning.LessonCompleted;
import io.morsel.reinforcement.Mastering;
import io.morsel.support.Api;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Achievements for completing a program: awarded when the learner completes every lesson the program publishes (as
 * learning announces it, LessonCompleted), and, with a minimum score, only once the mean of their latest lesson
 * scores reaches it; the credential's evidence says so.
 */
@MorselIntegrationTest
class ProgramRuleTests {

	@LocalServerPort
	int port;

	@Autowired
	Mastering mastering;

	@Autowired
	Lessons lessons;

	@Autowired
	Programs programs;

	@Autowired
	Directory directory;

	@Autowired
	Achievements achievements;

	@Autowired
	Awards awards;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Test
	void completingTheProgramEarnsItAndTheMinimumScoreWaitsForAGoodEnoughMean() throws Exception {
		var author = directory.member("author@acme.test", "acme").orElseThrow();
		var first = lesson(author, "Opening");
		var second = lesson(author, "Closing");
		var suffix = UUID.randomUUID().toString().substring(0, 8);
		var program = programs.create(author.organisationId(), "rule-" + suffix, "Negotiation " + suffix,
				"Learners negotiate a contract", null, true, List.of(first, second));
		var attended = define(author, "Attended " + suffix, program.id(), null);
		var excelled = define(author, "Excelled " + suffix, program.id(), 80);
		var learner = mastering.learner("acme");
		var start = Instant.now().minus(Duration.ofHours(3));

		complete(learner, first, 1.0, start);
		complete(learner, second, 0.5, start.plus(Duration.ofHours(1)));

		await(() -> held(learner).contains(attended.id()));
		assertThat(held(learner)).as("a mean of 75%").doesNotContain(excelled.id());

		complete(learner, second, 1.0, start.plus(Duration.ofHours(2)));

		await(() -> held(learner).contains(excelled.id()));
		var evidence = json.readTree(awards.of(Learner.of(learner)).stream()
			.filter(a -> a.achievementId().equals(excelled.id()))
			.findFirst()
			.orElseThrow()
			.credential()).get("evidence").get(0);
		assertThat(evidence.get("name").asString()).isEqualTo("Completed Negotiation " + suffix);
		assertThat(evidence.get("narrative").asString()).contains("mean score of 100%", "at least 80% required");
	}

	@Test
	void anOlderCompletionDoesNotReplaceTheLatestScore() throws Exception {
		var author = directory.member("author@acme.test", "acme").orElseThrow();
		var only = lesson(author, "Only");
		var suffix = UUID.randomUUID().toString().substring(0, 8);
		var program = programs.create(author.organisationId(), "late-" + suffix, "Late " + suffix, "Learners finish",
				null, true, List.of(only));
		var excelled = define(author, "Late excellence " + suffix, program.id(), 90);
		var learner = mastering.learner("acme");
		var now = Instant.now();

		complete(learner, only, 0.6, now.minus(Duration.ofMinutes(5)));
		complete(learner, only, 1.0, now.minus(Duration.ofHours(1)));

		assertThat(jdbc.sql("SELECT score FROM credential_lesson_scores WHERE user_id = :user")
			.param("user", learner.userId().value()).query(Double.class).single()).isEqualTo(0.6);
		assertThat(held(learner)).doesNotContain(excelled.id());
	}

	@Test
	void theApiRefusesAMinimumScoreWithoutAProgramAndAnotherOrganisationsProgram() throws Exception {
		var api = Api.on(port);
		var author = api.token("author@acme.test", "acme");
		var globexAuthor = directory.member("author@globex.test", "globex").orElseThrow();
		var globexProgram = programs.create(globexAuthor.organisationId(),
				"theirs-" + UUID.randomUUID().toString().substring(0, 8), "Theirs", "Learners belong elsewhere", null,
				true, List.of(lesson(globexAuthor, "Theirs")));
		var body = new java.util.HashMap<String, Object>(Map.of("name", "Scored " + UUID.randomUUID(), "description",
				"A score", "criteria", "Score well", "skills", List.of(), "achievements", List.of(), "alignments",
				List.of(), "minimumScore", 80));

		var withoutProgram = api.post(author, "/api/v1/achievements", body);
		body.put("programs", List.of(globexProgram.id().value()));
		var foreign = api.post(author, "/api/v1/achievements", body);

		assertThat(withoutProgram.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(withoutProgram.getBody()).contains("program");
		assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(foreign.getBody()).contains("not one of the organisation's programs");
	}

	private void complete(CurrentMember learner, LessonId lesson, double score, Instant at) {
		new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(new LessonCompleted(
				learner.organisationId(), learner.userId(), lesson, 1, List.of(), score, at)));
		// Each completion is handled before the next is sent, as a learner completes one lesson after another: the
		// learner's publications in the log are all completed.
		await(() -> jdbc.sql("""
				SELECT count(*)
				FROM event_publication
				WHERE completion_date IS NULL
				  AND event_type LIKE '%LessonCompleted'
				  AND serialized_event LIKE :learner
				""").param("learner", "%" + learner.userId().value() + "%").query(Integer.class).single() == 0);
	}

	private int scores(CurrentMember learner) {
		return jdbc.sql("SELECT count(*) FROM credential_lesson_scores WHERE user_id = :user")
			.param("user", learner.userId().value()).query(Integer.class).single();
	}

	private List<AchievementId> held(CurrentMember learner) {
		return awards.of(Learner.of(learner)).stream().map(Award::achievementId).toList();
	}

	private Achievement define(CurrentMember author, String name, ProgramId program, Integer minimumScore) {
		return achievements.define(author, new NewAchievement(name, "About " + name, "Complete the program",
				List.of(), List.of(), List.of(), null, null, List.of(program.value()), minimumScore));
	}

	private LessonId lesson(CurrentMember author, String title) throws Exception {
		try (var in = getClass().getResourceAsStream("/catalog/every-block.json")) {
			var tree = (ObjectNode) json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			tree.putArray("skills");
			tree.put("title", title + " " + UUID.randomUUID().toString().substring(0, 8));
			var draft = lessons.create(author, json.treeToValue(tree, LessonContent.class));
			return lessons.publish(author, draft.lessonId()).lessonId();
		}
	}
}
