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
import io.morsel.catalog.Response;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.identity.Newcomers;
import io.morsel.identity.SignedIn;
import io.morsel.support.Api;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A learner retakes a completed lesson as a new attempt, the earlier ones kept as they were; a significant new
 * version is offered on Today to those who completed an older one, and a minor one bothers nobody.
 */
@MorselIntegrationTest
class RetakeTests {

	@LocalServerPort
	int port;

	@Autowired
	Progress progress;

	@Autowired
	Clock clock;

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	Lessons lessons;

	@Autowired
	Programs programs;

	@Autowired
	Enrolments enrolments;

	@Autowired
	Attempts attempts;

	@Autowired
	TeamProgress team;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	CurrentMember author;
	CurrentMember learner;
	LessonId lesson;

	@BeforeEach
	void setUp() throws Exception {
		author = directory.member("author@globex.test", "globex").orElseThrow();
		var email = Newcomers.email("retaker", "globex.test");
		Newcomers.join(port, "admin@globex.test", email, "Rita Retaker " + UUID.randomUUID().toString().substring(0, 6),
				"LEARNER");
		learner = directory.member(email, "globex").orElseThrow();
		lesson = lesson("Retake " + UUID.randomUUID().toString().substring(0, 6));
	}

	@Test
	void aRetakeIsANewAttemptAndTheFirstScoreStaysInTheReport() {
		var program = programs.create(author.organisationId(), "retake-" + UUID.randomUUID().toString().substring(0, 8),
				"Retakes", "Partners register deals right", null, false, List.of(lesson));
		var admin = directory.member("admin@globex.test", "globex").orElseThrow();
		enrolments.assign(admin, program.id(), List.of(learner.memberId()), List.of(), null);
		var me = Learner.of(learner);
		assertThat(attempts.answer(me, lesson, "verb", new Response.Choice(Set.of("a")), null).lessonCompleted()).isTrue();

		var retake = attempts.retake(me, lesson);

		assertThat(retake.completed()).isFalse();
		assertThat(retake.answers()).isEmpty();
		assertThat(attemptCount()).isEqualTo(2);
		var wrong = attempts.answer(me, lesson, "verb", new Response.Choice(Set.of("b")), null);
		assertThat(wrong.lessonCompleted()).isTrue();
		assertThat(wrong.score().credit()).isZero();
		assertThat(scoreInReport(admin)).isEqualTo(1.0);
		var scores = jdbc.sql("""
				SELECT score FROM lesson_attempts WHERE user_id = :user AND lesson_id = :lesson ORDER BY attempt
				""")
			.param("user", learner.userId().value())
			.param("lesson", lesson.value())
			.query(Double.class)
			.list();
		assertThat(scores).containsExactly(1.0, 0.0);
	}

	@Test
	void anAnswerIsGivenOncePerAttemptAndTheRetakeAnswersItAgain() {
		var me = Learner.of(learner);
		attempts.answer(me, lesson, "verb", new Response.Choice(Set.of("b")), null);

		var replay = org.assertj.core.api.Assertions.catchThrowable(
				() -> attempts.answer(me, lesson, "verb", new Response.Choice(Set.of("a")), null));
		attempts.retake(me, lesson);
		var again = attempts.answer(me, lesson, "verb", new Response.Choice(Set.of("a")), null);

		assertThat(replay).isInstanceOf(AlreadyAnswered.class);
		assertThat(again.score().credit()).isEqualTo(1.0);
		assertThat(attempts.find(me, lesson).orElseThrow().answers()).hasSize(1);
	}

	@Test
	void twoTabsRetakingAtOnceStartOneNewAttempt() throws Exception {
		var me = Learner.of(learner);
		attempts.answer(me, lesson, "verb", new Response.Choice(Set.of("a")), null);
		var pool = Executors.newFixedThreadPool(4);
		try {
			var tabs = new ArrayList<Callable<Attempt>>();
			for (int i = 0; i < 4; i++) {
				tabs.add(() -> attempts.retake(me, lesson));
			}
			var ids = pool.invokeAll(tabs).stream().map(f -> {
				try {
					return f.get().id();
				}
				catch (Exception e) {
					throw new AssertionError(e);
				}
			}).distinct().toList();
			assertThat(ids).hasSize(1);
		}
		finally {
			pool.shutdown();
		}
		assertThat(attemptCount()).isEqualTo(2);
	}

	@Test
	void aRetakeBeforeCompletingIsTheCurrentAttemptAndNeverStartedIsRefused() throws Exception {
		var api = Api.on(port);
		var token = api.token("learner@globex.test", "globex");
		var untouched = lesson("Untouched " + UUID.randomUUID().toString().substring(0, 6));

		var refused = api.post(token, "/api/v1/lessons/" + untouched.value() + "/retakes", null);
		var me = Learner.of(learner);
		var open = attempts.open(me, lesson);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(json.readTree(refused.getBody()).get("detail").asString()).contains("Take the lesson first");
		assertThat(attempts.retake(me, lesson).id()).isEqualTo(open.id());
		assertThat(attemptCount()).isEqualTo(1);
	}

	@Test
	void aRetakeOfALessonThatDoesNotExistIsNotFoundLikeAnyMissingLesson() {
		var api = Api.on(port);
		var token = api.token("learner@globex.test", "globex");

		var refused = api.post(token, "/api/v1/lessons/" + UUID.randomUUID() + "/retakes", null);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(json.readTree(refused.getBody()).get("detail").asString()).isEqualTo("Lesson not found");
	}

	@Test
	void theApiAndThePlayerStartARetake() throws Exception {
		var api = Api.on(port);
		var token = api.token("learner@globex.test", "globex");
		var member = directory.member("learner@globex.test", "globex").orElseThrow();
		attempts.answer(Learner.of(member), lesson, "verb", new Response.Choice(Set.of("a")), null);

		var started = api.post(token, "/api/v1/lessons/" + lesson.value() + "/retakes", null);

		assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(json.readTree(started.getBody()).get("completed").asBoolean()).isFalse();
		attempts.answer(Learner.of(member), lesson, "verb", new Response.Choice(Set.of("a")), null);
		var page = mvc.perform(get("/lessons/" + lesson.value()).with(SignedIn.as(member))).andReturn().getResponse();
		assertThat(page.getContentAsString()).contains("/lessons/" + lesson.value() + "/retake");
		var posted = mvc.perform(post("/lessons/" + lesson.value() + "/retake").with(SignedIn.as(member)).with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(posted.getRedirectedUrl()).isEqualTo("/lessons/" + lesson.value());
		assertThat(attempts.find(Learner.of(member), lesson).orElseThrow().completed()).isFalse();
	}

	@Test
	void aSignificantVersionIsOfferedOnTodayAndAMinorOneIsNot() throws Exception {
		var me = Learner.of(learner);
		attempts.answer(me, lesson, "verb", new Response.Choice(Set.of("a")), null);
		var bystander = Newcomers.email("bystander", "globex.test");
		Newcomers.join(port, "admin@globex.test", bystander, "Bo Bystander", "LEARNER");
		var other = Learner.of(directory.member(bystander, "globex").orElseThrow());

		republish(false);

		assertThat(attempts.updates(me)).noneMatch(u -> u.lessonId().equals(lesson));
		assertThat(todaysUpdates(me)).isEqualTo(attempts.updates(me));

		republish(true);

		var offered = attempts.updates(me).stream().filter(u -> u.lessonId().equals(lesson)).toList();
		assertThat(offered).singleElement().satisfies(update -> {
			assertThat(update.completedVersion()).isEqualTo(1);
			assertThat(update.version()).isEqualTo(3);
		});
		assertThat(attempts.updates(other)).noneMatch(u -> u.lessonId().equals(lesson));
		assertThat(todaysUpdates(me)).isEqualTo(attempts.updates(me));
		assertThat(todaysUpdates(other)).isEqualTo(attempts.updates(other));
		var today = mvc.perform(get("/today").with(SignedIn.as(learner))).andReturn().getResponse().getContentAsString();
		assertThat(today).contains("Updated: take the new version").contains("/lessons/" + lesson.value() + "/retake");

		var retake = attempts.retake(me, lesson);

		assertThat(retake.lesson().version()).isEqualTo(3);
		assertThat(attempts.updates(me)).noneMatch(u -> u.lessonId().equals(lesson));
		assertThat(todaysUpdates(me)).isEqualTo(attempts.updates(me));
		assertThat(mvc.perform(get("/today").with(SignedIn.as(learner))).andReturn().getResponse().getContentAsString())
			.doesNotContain("/lessons/" + lesson.value() + "/retake");
	}

	/** The updates Today offers, read with the learner's programs in one query. */
	private List<LessonUpdate> todaysUpdates(Learner who) {
		return progress.today(who, learner.zone(), clock.instant()).updates();
	}

	/** A new version of the lesson: a changed title, published as significant or minor. */
	private void republish(boolean significant) {
		var latest = lessons.latest(author.organisationId(), lesson).orElseThrow().content();
		lessons.saveDraft(author, lesson, new LessonContent(latest.title() + ".", latest.objective(),
				latest.estimatedMinutes(), latest.skills(), latest.blocks()));
		lessons.publish(author, lesson, significant);
	}

	private double scoreInReport(CurrentMember admin) {
		return team.of(admin, learner.memberId())
			.programs()
			.getFirst()
			.lessons()
			.stream()
			.filter(l -> l.lessonId().equals(lesson))
			.findFirst()
			.orElseThrow()
			.score();
	}

	private long attemptCount() {
		return jdbc.sql("SELECT COUNT(*) FROM lesson_attempts WHERE user_id = :user AND lesson_id = :lesson")
			.param("user", learner.userId().value())
			.param("lesson", lesson.value())
			.query(Long.class)
			.single();
	}

	/** A published lesson with one question that assesses its objective: option a is right, b wrong. */
	private LessonId lesson(String title) throws Exception {
		try (var in = getClass().getResourceAsStream("/catalog/every-block.json")) {
			var tree = (ObjectNode) json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			tree.putArray("skills");
			tree.put("title", title);
			var blocks = (ArrayNode) tree.get("blocks");
			var kept = json.createArrayNode();
			blocks.forEach(block -> {
				var interaction = block.get("interaction");
				if (interaction == null || interaction.get("id").asString().equals("verb")) {
					kept.add(block);
				}
			});
			tree.set("blocks", kept);
			var created = lessons.create(author, json.treeToValue(tree, LessonContent.class)).lessonId();
			lessons.publish(author, created);
			return created;
		}
	}
}
