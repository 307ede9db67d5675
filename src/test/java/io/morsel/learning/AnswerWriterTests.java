package io.morsel.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.morsel.MorselIntegrationTest;
import io.morsel.catalog.LessonId;
import io.morsel.catalog.Response;
import io.morsel.identity.Directory;
import io.morsel.support.Api;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The caller says whether an answer joins its transaction: batched on its own, or written in the caller's. */
@MorselIntegrationTest
class AnswerWriterTests {

	@LocalServerPort
	int port;

	@Autowired
	AnswerWriter writer;

	@Autowired
	Attempts attempts;

	@Autowired
	Directory directory;

	@Autowired
	JsonMapper json;

	@Autowired
	PlatformTransactionManager transactionManager;

	Learner learner;
	LessonId lesson;

	@BeforeEach
	void setUp() {
		var api = Api.on(port);
		var author = api.token("author@acme.test", "acme");
		var created = api.post(author, "/api/v1/lessons", lesson());
		assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
		var id = json.readTree(created.getBody()).get("id").asString();
		assertThat(api.post(author, "/api/v1/lessons/" + id + "/publish", null).getStatusCode()).isEqualTo(HttpStatus.OK);
		lesson = new LessonId(UUID.fromString(id));
		learner = Learner.of(directory.member("consultant@morsel.test", "acme").orElseThrow());
	}

	@Test
	void anAnswerWrittenInTheCallersTransactionGoesWithIt() {
		var answer = rightAnswerToVerb();

		new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
			assertThat(writer.writeInThisTransaction(answer).stored()).isTrue();
			assertThat(attempts.find(learner, lesson).orElseThrow().answered("verb")).isTrue();
			status.setRollbackOnly();
		});

		assertThat(attempts.find(learner, lesson).orElseThrow().answered("verb")).isFalse();
	}

	@Test
	void eachWayOfWritingRefusesTheOthersPlace() {
		var answer = rightAnswerToVerb();

		assertThatThrownBy(() -> writer.writeInThisTransaction(answer))
			.isInstanceOf(IllegalTransactionStateException.class);
		new TransactionTemplate(transactionManager).executeWithoutResult(
				status -> assertThatThrownBy(() -> writer.write(answer)).isInstanceOf(IllegalStateException.class));

		assertThat(writer.write(answer).stored()).isTrue();
		assertThat(attempts.find(learner, lesson).orElseThrow().answered("verb")).isTrue();
	}

	@Test
	void theSameAnswerTwiceInOneBatchAndOnceMoreLaterIsStoredAndCountedOnce(@Autowired Answers answers,
			@Autowired JdbcClient jdbc) {
		var answer = rightAnswerToVerb();
		var again = rightAnswerToVerb();
		var writing = new TransactionTemplate(transactionManager);

		var written = writing.execute(status -> answers.store(java.util.List.of(answer, again)));
		var later = writing.execute(status -> answers.store(java.util.List.of(rightAnswerToVerb())));

		assertThat(written).extracting(Answers.Written::stored).containsExactly(true, false);
		assertThat(later).extracting(Answers.Written::stored).containsExactly(false);
		assertThat(jdbc.sql("SELECT answered FROM lesson_attempts WHERE id = :id").param("id", answer.attempt())
			.query(Integer.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM answers WHERE attempt_id = :id").param("id", answer.attempt())
			.query(Integer.class).single()).isEqualTo(1);
	}

	private Answers.Pending rightAnswerToVerb() {
		var attempt = attempts.open(learner, lesson);
		var verb = attempt.lesson().content().interactions().stream()
			.filter(i -> i.id().equals("verb"))
			.findFirst()
			.orElseThrow();
		var response = new Response.Choice(Set.of("a"));
		return new Answers.Pending(attempt.id(), attempt.lesson(), learner, verb, json.writeValueAsString(response),
				verb.score(response), null, Instant.now());
	}

	private ObjectNode lesson() {
		try (var in = getClass().getResourceAsStream("/catalog/every-block.json")) {
			var lesson = (ObjectNode) json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			lesson.putArray("skills");
			return lesson;
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
