package io.morsel.learning;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import io.morsel.support.Api;
import io.morsel.support.PublishedEvents;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A learner joins a program, answers every interaction of a lesson through the API and completes it. */
@MorselIntegrationTest
class LearnerLoopApiTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PublishedEvents events;

	Api api;
	String author;
	String learner;
	String lessonId;
	String programId;

	@BeforeEach
	void setUp() {
		api = Api.on(port);
		author = api.token("author@acme.test", "acme");
		learner = api.token("consultant@morsel.test", "acme");
		var skill = "Loop skill " + UUID.randomUUID();
		api.post(author, "/api/v1/skills", Map.of("name", skill));
		lessonId = publishedLesson(skill);
		var program = api.post(author, "/api/v1/programs", Map.of("slug", "loop-" + UUID.randomUUID().toString().substring(0, 8),
				"title", "Measurable objectives", "outcome", "Authors publish lessons whose objectives pass review first time",
				"selfEnrol", true, "lessons", List.of(lessonId)));
		assertThat(program.getStatusCode()).as(program.getBody()).isEqualTo(HttpStatus.CREATED);
		programId = tree(program).get("id").asString();
	}

	@Test
	void learnerJoinsAnswersEveryInteractionAndCompletesTheLesson() {
		assertThat(tree(api.get(learner, "/api/v1/programs/" + programId + "/progress")).get("enrolled").asBoolean()).isFalse();
		assertThat(api.post(learner, "/api/v1/programs/" + programId + "/enrolment", null).getStatusCode())
			.isEqualTo(HttpStatus.OK);

		var wrong = answer("verb", Map.of("optionIds", List.of("b")));
		assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(tree(wrong).get("correct").asBoolean()).isFalse();
		assertThat(tree(wrong).get("feedback").get(0).asString()).isEqualTo("You cannot see understanding.");
		assertThat(tree(wrong).get("explanation").asString()).isEqualTo("Observable verbs make objectives measurable.");

		assertThat(tree(answer("all", Map.of("optionIds", List.of("a")))).get("correct").asBoolean()).isTrue();
		assertThat(tree(answer("top", Map.of("optionIds", List.of("a", "c")))).get("credit").asDouble()).isEqualTo(0.5);
		assertThat(tree(answer("match", Map.of("pairs", Map.of("verb", "create", "condition", "inFive"))))
			.get("credit").asDouble()).isEqualTo(1.0);
		assertThat(tree(answer("order", Map.of("order", List.of("object", "verb")))).get("credit").asDouble()).isZero();
		assertThat(tree(answer("acronym", Map.of("text", " measurable! "))).get("correct").asBoolean()).isTrue();
		assertThat(tree(answer("case", Map.of("optionIds", List.of("a")))).get("lessonCompleted").asBoolean()).isFalse();
		var last = answer("apply", Map.of("text", "Learners can build a weekly report in five minutes.", "timeTakenMs", 42000));
		assertThat(tree(last).get("correct").isNull()).isTrue();
		assertThat(tree(last).get("lessonCompleted").asBoolean()).isTrue();

		var recorded = events.of(AnswerRecorded.class, e -> e.lessonId().value().toString().equals(lessonId));
		assertThat(recorded).extracting(AnswerRecorded::interactionId)
			.containsExactlyInAnyOrder("verb", "all", "top", "match", "order", "acronym", "case", "apply");
		assertThat(recorded).allSatisfy(e -> assertThat(e.skills()).hasSize(1));
		assertThat(recorded).filteredOn(e -> e.interactionId().equals("apply"))
			.singleElement()
			.satisfies(e -> assertThat(e.responseTime()).isEqualTo(java.time.Duration.ofSeconds(42)));
		assertThat(recorded).filteredOn(e -> e.interactionId().equals("verb"))
			.singleElement()
			.satisfies(e -> assertThat(e.correct()).isFalse());
		// Assessing the objective: verb (wrong), all, match and case (right); top, order, acronym and apply do not.
		var completed = events.of(LessonCompleted.class, e -> e.lessonId().value().toString().equals(lessonId));
		assertThat(completed).singleElement().satisfies(e -> {
			assertThat(e.skills()).hasSize(1);
			assertThat(e.score()).isEqualTo(0.75);
		});

		var program = tree(api.get(learner, "/api/v1/programs/" + programId + "/progress"));
		assertThat(program.get("completed").asInt()).isEqualTo(1);
		assertThat(program.get("lessons").get(0).get("status").asString()).isEqualTo("COMPLETED");
		assertThat(jdbc.sql("""
				SELECT time_taken_ms FROM answers a JOIN lesson_attempts t ON t.id = a.attempt_id
				WHERE t.lesson_id = :lesson AND a.interaction_id = 'apply'
				""").param("lesson", UUID.fromString(lessonId)).query(Long.class).single()).isEqualTo(42000L);
	}

	@Test
	void replayedWrongAndForeignAnswersAreRefusedAndStoreNothing() {
		assertThat(answer("verb", Map.of("optionIds", List.of("a"))).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		var before = answers();

		var replay = answer("verb", Map.of("optionIds", List.of("a")));
		var otherLessonsInteraction = answer("no-such-interaction", Map.of("optionIds", List.of("a")));
		var wrongKind = answer("all", Map.of("text", "a"));
		var twoKinds = answer("all", Map.of("text", "a", "optionIds", List.of("a")));
		var pickTooFew = answer("top", Map.of("optionIds", List.of("a")));
		var unknownOption = answer("all", Map.of("optionIds", List.of("zzz")));

		assertThat(replay.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(replay.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		for (var refused : List.of(otherLessonsInteraction, wrongKind, twoKinds, pickTooFew, unknownOption)) {
			assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		}
		assertThat(answers()).isEqualTo(before);
	}

	@Test
	void theSameAnswerSentAgainWithItsKeyGetsTheStoredFeedbackAndIsStoredOnce() {
		var key = UUID.randomUUID().toString();
		var first = answer("verb", Map.of("optionIds", List.of("b")), key);
		var before = answers();

		var again = answer("verb", Map.of("optionIds", List.of("b")), "\"" + key + "\"");

		assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(again.getStatusCode()).as(again.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(tree(again)).isEqualTo(tree(first));
		assertThat(tree(again).get("feedback").get(0).asString()).isEqualTo("You cannot see understanding.");
		assertThat(answers()).isEqualTo(before);
		assertThat(events.of(AnswerRecorded.class, e -> e.lessonId().value().toString().equals(lessonId))).hasSize(1);
	}

	@Test
	void anotherAnswerWithTheSameKeyIsRefusedAndTheStoredOneStays() {
		var key = UUID.randomUUID().toString();
		assertThat(answer("verb", Map.of("optionIds", List.of("b")), key).getStatusCode()).isEqualTo(HttpStatus.CREATED);

		var other = answer("verb", Map.of("optionIds", List.of("a")), key);

		assertThat(other.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(tree(other).get("type").asString()).isEqualTo("/problems/idempotency-key-reused");
		assertThat(tree(other).get("answer").get("correct").asBoolean()).isFalse();
		assertThat(jdbc.sql("""
				SELECT a.response FROM answers a JOIN lesson_attempts t ON t.id = a.attempt_id
				WHERE t.lesson_id = :lesson AND a.interaction_id = 'verb'
				""").param("lesson", UUID.fromString(lessonId)).query(String.class).single()).contains("\"b\"");
	}

	@Test
	void aSecondAnswerWithoutTheKeyIsAConflictThatShowsTheStoredFeedback() {
		assertThat(answer("verb", Map.of("optionIds", List.of("b")), UUID.randomUUID().toString()).getStatusCode())
			.isEqualTo(HttpStatus.CREATED);

		var withoutKey = answer("verb", Map.of("optionIds", List.of("b")));
		var withAnotherKey = answer("verb", Map.of("optionIds", List.of("b")), UUID.randomUUID().toString());

		for (var refused : List.of(withoutKey, withAnotherKey)) {
			assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
			assertThat(tree(refused).get("type").asString()).isEqualTo("/problems/conflict");
			assertThat(tree(refused).get("answer").get("feedback").get(0).asString())
				.isEqualTo("You cannot see understanding.");
		}
	}

	@Test
	void aMalformedKeyIsRefused() {
		var before = answers();

		var refused = answer("verb", Map.of("optionIds", List.of("a")), "x".repeat(129));

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(answers()).isEqualTo(before);
	}

	@Test
	void answersArrivingAtOnceForANewLessonAllCount() throws Exception {
		var answers = List.<Map<String, Object>>of(Map.of("interactionId", "verb", "optionIds", List.of("a")),
				Map.of("interactionId", "all", "optionIds", List.of("a")),
				Map.of("interactionId", "top", "optionIds", List.of("a", "b")),
				Map.of("interactionId", "acronym", "text", "measurable"),
				Map.of("interactionId", "case", "optionIds", List.of("a")));
		assertThat(atOnce(answers)).extracting(ResponseEntity::getStatusCode).containsOnly(HttpStatus.CREATED);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM lesson_attempts WHERE lesson_id = :lesson")
			.param("lesson", UUID.fromString(lessonId)).query(Long.class).single()).isEqualTo(1L);
	}

	@Test
	void everyAnswerSentAtOnceCompletesTheLessonOnce() throws Exception {
		var answers = List.<Map<String, Object>>of(Map.of("interactionId", "verb", "optionIds", List.of("a")),
				Map.of("interactionId", "all", "optionIds", List.of("a")),
				Map.of("interactionId", "top", "optionIds", List.of("a", "b")),
				Map.of("interactionId", "match", "pairs", Map.of("verb", "create", "condition", "inFive")),
				Map.of("interactionId", "order", "order", List.of("verb", "object")),
				Map.of("interactionId", "acronym", "text", "measurable"),
				Map.of("interactionId", "case", "optionIds", List.of("a")),
				Map.of("interactionId", "apply", "text", "Learners build a weekly report in five minutes."));

		var responses = atOnce(answers);

		assertThat(responses).extracting(ResponseEntity::getStatusCode).containsOnly(HttpStatus.CREATED);
		assertThat(responses).anySatisfy(r -> assertThat(tree(r).get("lessonCompleted").asBoolean()).isTrue());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM lesson_attempts WHERE lesson_id = :lesson AND completed_at IS NOT NULL")
			.param("lesson", UUID.fromString(lessonId)).query(Long.class).single()).isEqualTo(1L);
		assertThat(events.of(AnswerRecorded.class, e -> e.lessonId().value().toString().equals(lessonId))).hasSize(8);
		assertThat(events.of(LessonCompleted.class, e -> e.lessonId().value().toString().equals(lessonId)))
			.singleElement()
			.satisfies(e -> assertThat(e.score()).isEqualTo(1.0));
	}

	@Test
	void theSameAnswerSentManyTimesAtOnceIsStoredOnce() throws Exception {
		var before = answers();

		var responses = atOnce(java.util.Collections.nCopies(6, Map.of("interactionId", "verb", "optionIds", List.of("a"))));

		assertThat(responses).extracting(ResponseEntity::getStatusCode)
			.containsExactlyInAnyOrder(HttpStatus.CREATED, HttpStatus.CONFLICT, HttpStatus.CONFLICT, HttpStatus.CONFLICT,
					HttpStatus.CONFLICT, HttpStatus.CONFLICT);
		assertThat(answers()).isEqualTo(before + 1);
		assertThat(events.of(AnswerRecorded.class, e -> e.lessonId().value().toString().equals(lessonId))).hasSize(1);
	}

	/** Sends the answers to the lesson all at once, each from its own thread, and waits for every response. */
	private List<ResponseEntity<String>> atOnce(List<Map<String, Object>> answers) throws Exception {
		var start = new java.util.concurrent.CountDownLatch(1);
		try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
			var sent = answers.stream().map(a -> pool.submit(() -> {
				var body = new java.util.HashMap<String, Object>(a);
				body.put("lessonId", lessonId);
				start.await();
				return api.post(learner, "/api/v1/attempts", body);
			})).toList();
			start.countDown();
			var responses = new java.util.ArrayList<ResponseEntity<String>>();
			for (var response : sent) {
				responses.add(response.get());
			}
			return responses;
		}
	}

	@Test
	void unpublishedAndForeignLessonsCannotBeAnswered() {
		var draft = api.post(author, "/api/v1/lessons", lesson(null));
		var draftId = tree(draft).get("id").asString();
		var globexLearner = api.token("learner@globex.test", "globex");
		var before = answers();

		var unpublished = api.post(learner, "/api/v1/attempts",
				Map.of("lessonId", draftId, "interactionId", "verb", "optionIds", List.of("a")));
		var foreign = api.post(globexLearner, "/api/v1/attempts",
				Map.of("lessonId", lessonId, "interactionId", "verb", "optionIds", List.of("a")));

		assertThat(unpublished.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(answers()).isEqualTo(before);
		assertThat(api.get(globexLearner, "/api/v1/programs/" + programId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void aLearnerWhoStartedAVersionFinishesThatVersion() {
		assertThat(answer("verb", Map.of("optionIds", List.of("a"))).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		var shorter = lesson(null);
		var blocks = (tools.jackson.databind.node.ArrayNode) shorter.get("blocks");
		for (int i = blocks.size() - 1; i >= 0; i--) {
			if (blocks.get(i).get("type").asString().equals("interaction")
					&& !blocks.get(i).at("/interaction/id").asString().equals("verb")) {
				blocks.remove(i);
			}
		}
		shorter.putArray("skills");
		assertThat(api.put(author, "/api/v1/lessons/" + lessonId + "/draft", shorter).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(api.post(author, "/api/v1/lessons/" + lessonId + "/publish", null).getStatusCode()).isEqualTo(HttpStatus.OK);

		// Version 2 has only 'verb'; the learner is on version 1, so 'all' still exists for them and completion waits.
		var stillOnVersionOne = answer("all", Map.of("optionIds", List.of("a")));
		assertThat(stillOnVersionOne.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(tree(stillOnVersionOne).get("lessonCompleted").asBoolean()).isFalse();
	}

	private long answers() {
		return jdbc.sql("SELECT COUNT(*) FROM answers").query(Long.class).single();
	}

	private ResponseEntity<String> answer(String interaction, Map<String, Object> response) {
		var body = new java.util.HashMap<String, Object>(response);
		body.put("lessonId", lessonId);
		body.put("interactionId", interaction);
		return api.post(learner, "/api/v1/attempts", body);
	}

	private ResponseEntity<String> answer(String interaction, Map<String, Object> response, String idempotencyKey) {
		var body = new java.util.HashMap<String, Object>(response);
		body.put("lessonId", lessonId);
		body.put("interactionId", interaction);
		return api.http().post().uri("/api/v1/attempts").header("Authorization", "Bearer " + learner)
			.header("Idempotency-Key", idempotencyKey).contentType(MediaType.APPLICATION_JSON).body(body)
			.retrieve().toEntity(String.class);
	}

	private String publishedLesson(String skill) {
		var created = api.post(author, "/api/v1/lessons", lesson(skill));
		assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
		var id = tree(created).get("id").asString();
		assertThat(api.post(author, "/api/v1/lessons/" + id + "/publish", null).getStatusCode()).isEqualTo(HttpStatus.OK);
		return id;
	}

	private ObjectNode lesson(String skill) {
		try (var in = getClass().getResourceAsStream("/catalog/every-block.json")) {
			var lesson = (ObjectNode) json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			var skills = lesson.putArray("skills");
			if (skill != null) {
				skills.add(skill);
			}
			return lesson;
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private JsonNode tree(ResponseEntity<String> response) {
		return json.readTree(response.getBody());
	}



}
