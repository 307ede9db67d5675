package io.morsel.reinforcement;

import static io.morsel.reinforcement.Reviewers.await;
import static io.morsel.support.Csrf.csrf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.morsel.MorselApplication;
import io.morsel.MorselIntegrationTest;
import io.morsel.TestInfrastructure;
import io.morsel.identity.SignedIn;
import io.morsel.learning.AnswerRecorded;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A card is made through the event publication log: an answer whose listener did not complete (it failed, or its node
 * stopped before it ran) is carded once a node starting resubmits the publication, with one card and one first review.
 */
@MorselIntegrationTest
class ReviewCardsPublicationTests {

	private static final String LISTENER = FirstReviews.class.getName() + ".on(" + AnswerRecorded.class.getName() + ")";

	@Autowired
	MockMvc mvc;

	@Autowired
	Reviewers reviewers;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAnswerWhoseListenerDidNotCompleteIsCardedWhenANodeStartingResubmitsIt() throws Exception {
		var learner = reviewers.learner("globex", "UTC");
		var lesson = reviewers.lesson("globex", "Resubmitted");
		mvc.perform(get("/lessons/" + lesson.value()).with(SignedIn.as(learner)));
		mvc.perform(post("/lessons/" + lesson.value() + "/answers/verb").param("optionIds", "a")
			.with(SignedIn.as(learner)).with(csrf()));
		await(() -> "COMPLETED".equals(status(lesson.value().toString())));

		// As if the listener had failed: its transaction rolled back, so no card, and its publication is incomplete.
		jdbc.sql("DELETE FROM reviews WHERE user_id = :user").param("user", learner.userId().value()).update();
		jdbc.sql("DELETE FROM review_cards WHERE user_id = :user").param("user", learner.userId().value()).update();
		jdbc.sql("""
				UPDATE event_publication
				SET completion_date = NULL, status = 'FAILED'
				WHERE listener_id = :listener
				  AND serialized_event LIKE :lesson
				""").param("listener", LISTENER).param("lesson", "%" + lesson.value() + "%").update();
		assertThat(reviewers.cards(learner)).isZero();

		var db = TestInfrastructure.database();
		try (var restarted = new SpringApplicationBuilder(MorselApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
				"--spring.datasource.password=" + db.password(), "--morsel.demo.seed=false",
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + TestInfrastructure.mail().getSmtp().getPort())) {
			await(() -> "COMPLETED".equals(status(lesson.value().toString())));
		}

		assertThat(reviewers.cards(learner)).isEqualTo(1);
		assertThat(reviewers.reviews(learner, "lesson")).isEqualTo(1);
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
