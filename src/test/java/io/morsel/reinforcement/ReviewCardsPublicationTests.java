package io.morsel.reinforcement;

import static io.morsel.support.Eventually.await;
import static io.morsel.support.Csrf.csrf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.morsel.MorselApplication;
import io.morsel.MorselIntegrationTest;
import io.morsel.TestInfrastructure;
import io.morsel.identity.SignedIn;
import io.morsel.learning.AnswersRecorded;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A card is made through the event publication log: an answer whose listener did not complete (it failed, or its node
 * stopped before it ran) is carded once a node starting resubmits the publication, with one card and one first review.
 * Each test starts a second node on the test database, as LearningEventsPublicationTests does.
 */
@MorselIntegrationTest
class ReviewCardsPublicationTests {

	private static final String LISTENER = FirstReviews.class.getName() + ".on(" + AnswersRecorded.class.getName() + ")";

	@Autowired
	MockMvc mvc;

	@Autowired
	Reviewers reviewers;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAnswerWhoseListenerFailedIsCardedWhenANodeStartingResubmitsIt() throws Exception {
		// The failure is the database's: a trigger of this test refuses this lesson's cards until it is dropped.
		// PL/pgSQL, so on PostgreSQL only; the H2 pass runs the other tests of the listener.
		assumeFalse(TestInfrastructure.onH2());
		var learner = reviewers.learner("globex", "UTC");
		var lesson = reviewers.lesson("globex", "Failed");
		jdbc.sql("""
				CREATE FUNCTION refuse_cards_of_a_lesson() RETURNS trigger AS $$
				BEGIN
				  IF NEW.lesson_id = '%s' THEN
				    RAISE EXCEPTION 'This test refuses the cards of lesson %s';
				  END IF;
				  RETURN NEW;
				END $$ LANGUAGE plpgsql
				""".formatted(lesson.value(), lesson.value())).update();
		jdbc.sql("""
				CREATE TRIGGER refuse_cards BEFORE INSERT ON review_cards
				FOR EACH ROW EXECUTE FUNCTION refuse_cards_of_a_lesson()
				""").update();
		try {
			mvc.perform(get("/lessons/" + lesson.value()).with(SignedIn.as(learner)));
			mvc.perform(post("/lessons/" + lesson.value() + "/answers/verb").param("optionIds", "a")
				.with(SignedIn.as(learner)).with(csrf()));
			await(() -> "FAILED".equals(status(lesson.value().toString())));
			assertThat(reviewers.cards(learner)).isZero();
		}
		finally {
			jdbc.sql("DROP TRIGGER refuse_cards ON review_cards").update();
			jdbc.sql("DROP FUNCTION refuse_cards_of_a_lesson()").update();
		}

		restartAndAwaitCompletionOf(lesson.value().toString());

		assertThat(reviewers.cards(learner)).isEqualTo(1);
		assertThat(reviewers.reviews(learner, "lesson")).isEqualTo(1);
	}

	@Test
	void anAnswerWhoseNodeStoppedBeforeTheListenerRanIsCardedOnceByTheNextNode() throws Exception {
		var learner = reviewers.learner("globex", "UTC");
		var lesson = reviewers.lesson("globex", "Resubmitted");
		mvc.perform(get("/lessons/" + lesson.value()).with(SignedIn.as(learner)));
		mvc.perform(post("/lessons/" + lesson.value() + "/answers/verb").param("optionIds", "a")
			.with(SignedIn.as(learner)).with(csrf()));
		await(() -> "COMPLETED".equals(status(lesson.value().toString())));

		// As the log stands when a node stops between the answer's commit and its listener: the publication
		// incomplete, and no card. The card already there is left, so the resubmission also runs the listener twice.
		jdbc.sql("""
				UPDATE event_publication
				SET completion_date = NULL, status = 'PUBLISHED'
				WHERE listener_id = :listener
				  AND serialized_event LIKE :lesson
				""").param("listener", LISTENER).param("lesson", "%" + lesson.value() + "%").update();

		restartAndAwaitCompletionOf(lesson.value().toString());

		assertThat(reviewers.cards(learner)).isEqualTo(1);
		assertThat(reviewers.reviews(learner, "lesson")).isEqualTo(1);
	}

	/** Starts a second node on the same database, which resubmits the incomplete publications, and stops it. */
	private void restartAndAwaitCompletionOf(String lesson) {
		var db = TestInfrastructure.database();
		try (var restarted = new SpringApplicationBuilder(MorselApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
				"--spring.datasource.password=" + db.password(), "--morsel.demo.seed=false",
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + TestInfrastructure.mail().getSmtp().getPort())) {
			await(() -> "COMPLETED".equals(status(lesson)));
		}
	}

	private String status(String lesson) {
		return jdbc.sql("""
				SELECT status
				FROM event_publication
				WHERE listener_id = :listener
				  AND serialized_event LIKE :lesson
				""").param("listener", LISTENER).param("lesson", "%" + lesson + "%").query(String.class).optional()
			.orElse("none");
	}
}
