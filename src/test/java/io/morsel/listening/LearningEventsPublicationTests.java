package io.morsel.listening;

import static io.morsel.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselApplication;
import io.morsel.MorselIntegrationTest;
import io.morsel.TestInfrastructure;
import io.morsel.catalog.LessonId;
import io.morsel.learning.AnswerRecorded;
import io.morsel.learning.LessonCompleted;
import io.morsel.support.Api;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Learning's events reach another module through the event publication log (docs/architecture.md, "How a module
 * listens"): each is recorded in the answer's transaction, completed once the listener ran, and left incomplete when it
 * failed, until a node starting resubmits it.
 */
@MorselIntegrationTest
class LearningEventsPublicationTests {

	private static final String ON_ANSWER = LearnerActivity.class.getName() + ".on(" + AnswerRecorded.class.getName() + ")";
	private static final String ON_COMPLETION = LearnerActivity.class.getName() + ".on("
			+ LessonCompleted.class.getName() + ")";

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

	Api api;
	String learner;
	LessonId lesson;

	@BeforeEach
	void publishALesson() {
		api = Api.on(port);
		var author = api.token("author@acme.test", "acme");
		learner = api.token("consultant@morsel.test", "acme");
		var skill = "Listened skill " + UUID.randomUUID();
		api.post(author, "/api/v1/skills", Map.of("name", skill));
		var created = api.post(author, "/api/v1/lessons", lesson(skill));
		assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
		var id = json.readTree(created.getBody()).get("id").asString();
		assertThat(api.post(author, "/api/v1/lessons/" + id + "/publish", null).getStatusCode()).isEqualTo(HttpStatus.OK);
		lesson = new LessonId(UUID.fromString(id));
	}

	@Test
	void answersAndTheCompletionAreLoggedAndCompletedOnceTheListenerRan() {
		answerEveryInteraction();

		await(() -> publications(ON_ANSWER).size() == 8 && publications(ON_COMPLETION).size() == 1);
		await(() -> publications(ON_ANSWER).stream().allMatch(Publication::completed)
				&& publications(ON_COMPLETION).getFirst().completed());
		assertThat(publications(ON_ANSWER)).extracting(Publication::status).containsOnly("COMPLETED");
		assertThat(publications(ON_COMPLETION)).extracting(Publication::status).containsOnly("COMPLETED");
		assertThat(LearnerActivity.receivedFor(lesson)).hasSize(9)
			.hasAtLeastOneElementOfType(LessonCompleted.class);
	}

	@Test
	void aPublicationWhoseListenerFailedStaysIncompleteUntilANodeStartingResubmitsIt() {
		LearnerActivity.failFor(lesson);
		assertThat(answer("verb", Map.of("optionIds", List.of("a"))).getStatusCode()).isEqualTo(HttpStatus.CREATED);

		await(() -> publications(ON_ANSWER).size() == 1 && "FAILED".equals(publications(ON_ANSWER).getFirst().status()));
		assertThat(publications(ON_ANSWER).getFirst().completed()).isFalse();
		assertThat(LearnerActivity.receivedFor(lesson)).isEmpty();

		LearnerActivity.recoverFor(lesson);
		// Production's setting, not the test's: a node starting resubmits the publications left incomplete.
		assertThat(environment.getProperty("spring.modulith.events.republish-outstanding-events-on-restart"))
			.isEqualTo("true");
		var db = TestInfrastructure.database();
		try (var restarted = new SpringApplicationBuilder(MorselApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
				"--spring.datasource.password=" + db.password(), "--morsel.demo.seed=false",
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + TestInfrastructure.mail().getSmtp().getPort())) {
			await(() -> publications(ON_ANSWER).getFirst().completed());
		}

		assertThat(publications(ON_ANSWER)).singleElement().satisfies(p -> {
			assertThat(p.status()).isEqualTo("COMPLETED");
			assertThat(p.attempts()).isEqualTo(2);
		});
		assertThat(LearnerActivity.receivedFor(lesson)).singleElement()
			.isInstanceOfSatisfying(AnswerRecorded.class, e -> assertThat(e.interactionId()).isEqualTo("verb"));
	}

	/** One row of the event publication log, for a listener and this test's lesson. */
	record Publication(String status, boolean completed, int attempts) {
	}

	private List<Publication> publications(String listener) {
		return jdbc.sql("""
				SELECT status, completion_date IS NOT NULL, completion_attempts
				FROM event_publication
				WHERE listener_id = :listener
				  AND serialized_event LIKE :lesson
				""")
			.param("listener", listener)
			.param("lesson", "%" + lesson.value() + "%")
			.query((rs, n) -> new Publication(rs.getString(1), rs.getBoolean(2), rs.getInt(3)))
			.list();
	}

	private void answerEveryInteraction() {
		answer("verb", Map.of("optionIds", List.of("b")));
		answer("all", Map.of("optionIds", List.of("a")));
		answer("top", Map.of("optionIds", List.of("a", "c")));
		answer("match", Map.of("pairs", Map.of("verb", "create", "condition", "inFive")));
		answer("order", Map.of("order", List.of("object", "verb")));
		answer("acronym", Map.of("text", "measurable"));
		answer("case", Map.of("optionIds", List.of("a")));
		var last = answer("apply", Map.of("text", "Learners can build a weekly report in five minutes."));
		assertThat(json.readTree(last.getBody()).get("lessonCompleted").asBoolean()).isTrue();
	}

	private org.springframework.http.ResponseEntity<String> answer(String interaction, Map<String, Object> response) {
		var body = new HashMap<String, @Nullable Object>(response);
		body.put("lessonId", lesson.value().toString());
		body.put("interactionId", interaction);
		return api.post(learner, "/api/v1/attempts", body);
	}


	private ObjectNode lesson(String skill) {
		try (var in = getClass().getResourceAsStream("/catalog/every-block.json")) {
			var lesson = (ObjectNode) json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			lesson.putArray("skills").add(skill);
			return lesson;
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
