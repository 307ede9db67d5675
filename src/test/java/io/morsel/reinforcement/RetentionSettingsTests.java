package io.morsel.reinforcement;

import static io.morsel.support.Eventually.await;
import static io.morsel.support.Csrf.csrf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import io.morsel.MorselIntegrationTest;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.identity.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** An organisation's administrators choose its desired retention, and its cards are scheduled with it. */
@MorselIntegrationTest
class RetentionSettingsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Reviewers reviewers;

	@Autowired
	Directory directory;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void backToTheDefault() {
		jdbc.sql("DELETE FROM reinforcement_settings").update();
	}

	@Test
	void aLowerRetentionSpacesTheFirstReviewFurther() throws Exception {
		var admin = directory.member("admin@acme.test", "acme").orElseThrow();
		assertThat(settings(admin, null)).isEqualTo(200);

		var before = firstInterval();
		assertThat(settings(admin, "{\"desiredRetention\": 0.8}")).isEqualTo(200);
		var after = firstInterval();

		// An easy first answer graduates at once: at 0.9 after its stability (8 days), at 0.8 well after it.
		assertThat(before).isEqualTo(8);
		assertThat(after).isGreaterThan(before);
	}

	@Test
	void onlyAdministratorsChooseAndOnlyWithinReason() throws Exception {
		var admin = directory.member("admin@acme.test", "acme").orElseThrow();
		var learner = directory.member("learner@acme.test", "acme").orElseThrow();

		assertThat(settings(learner, "{\"desiredRetention\": 0.8}")).isEqualTo(403);
		assertThat(settings(admin, "{\"desiredRetention\": 0.5}")).isEqualTo(400);
		assertThat(settings(admin, "{\"desiredRetention\": 0.99}")).isEqualTo(400);
		assertThat(settings(admin, "{}")).isEqualTo(400);
		assertThat(jdbc.sql("SELECT count(*) FROM reinforcement_settings").query(Integer.class).single()).isZero();
	}

	/** The days until the first review of a new card answered right and fast in a lesson of acme. */
	private int firstInterval() throws Exception {
		var learner = reviewers.learner("acme", "UTC");
		var lesson = reviewers.lesson("acme", "Retained");
		mvc.perform(get("/lessons/" + lesson.value()).with(SignedIn.as(learner)));
		mvc.perform(post("/lessons/" + lesson.value() + "/answers/verb").param("optionIds", "a")
			.param("shownAt", String.valueOf(System.currentTimeMillis() - 2000)).with(SignedIn.as(learner)).with(csrf()));
		await(() -> reviewers.cards(learner) == 1);
		return jdbc.sql("SELECT scheduled_days FROM review_cards WHERE user_id = :user")
			.param("user", learner.userId().value()).query(Integer.class).single();
	}

	private int settings(CurrentMember member, String body) throws Exception {
		var request = body == null ? get("/api/v1/reinforcement/settings")
				: put("/api/v1/reinforcement/settings").contentType(MediaType.APPLICATION_JSON).content(body);
		return mvc.perform(request.with(SignedIn.as(member))).andReturn().getResponse().getStatus();
	}
}
