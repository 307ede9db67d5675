package io.morsel.reinforcement;

import static io.morsel.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.morsel.MorselApplication;
import io.morsel.MorselIntegrationTest;
import io.morsel.TestInfrastructure;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.SignedIn;
import io.morsel.support.Api;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The learner's earliest due time lives in the database, never in one node's memory: a card made, and a card
 * rescheduled, through another node shows on, and goes from, this node's Today at once.
 */
@MorselIntegrationTest
class ReviewsOnTodayAcrossNodesTests {

	private static ConfigurableApplicationContext nodeB;

	@Autowired
	MockMvc mvc;

	@Autowired
	Reviewers reviewers;

	@Autowired
	JsonMapper json;

	@BeforeAll
	static void startSecondNode() {
		var db = TestInfrastructure.database();
		nodeB = new SpringApplicationBuilder(MorselApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
				"--spring.datasource.password=" + db.password(), "--morsel.demo.seed=false",
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + TestInfrastructure.mail().getSmtp().getPort(),
				"--morsel.search.semantic=false");
	}

	@AfterAll
	static void stopSecondNode() {
		if (nodeB != null) {
			nodeB.close();
		}
	}

	@Test
	void aCardMadeAndRescheduledOnAnotherNodeShowsOnTodayAndGoes() throws Exception {
		var learner = reviewers.learner("globex", ReviewsOnTodayTests.zoneWhereItIs(LocalTime.NOON));
		var lesson = reviewers.lesson("globex", "Elsewhere");
		var token = SignedIn.token(nodeB, learner);
		var b = Api.on(((WebServerApplicationContext) nodeB).getWebServer().getPort());
		assertThat(today(learner)).doesNotContain("review-card");

		// Missed on node B: a card due in a minute, made by node B's listener.
		var answered = b.post(token, "/api/v1/attempts",
				Map.of("lessonId", lesson.value(), "interactionId", "verb", "optionIds", List.of("b")));
		assertThat(answered.getStatusCode()).as(answered.getBody()).isEqualTo(HttpStatus.CREATED);
		await(() -> reviewers.cards(learner) == 1);
		assertThat(today(learner)).contains("review-card", "1 question");

		// Reviewed and right at once (easy) on node B: due days later, and gone from this node's Today.
		var item = json.readTree(b.get(token, "/api/v1/reinforcement/review").getBody()).get("items").get(0);
		var reviewed = b.post(token, "/api/v1/reinforcement/reviews",
				Map.of("cardId", item.get("cardId").asString(), "reviewItemId", item.get("reviewItemId").asString(),
						"optionIds", List.of("a"), "timeTakenMs", 3_000));
		assertThat(reviewed.getStatusCode()).as(reviewed.getBody()).isIn(HttpStatus.OK, HttpStatus.CREATED);
		assertThat(today(learner)).doesNotContain("review-card");
	}

	private String today(CurrentMember learner) throws Exception {
		return mvc.perform(get("/today").with(SignedIn.as(learner))).andReturn().getResponse().getContentAsString();
	}
}
