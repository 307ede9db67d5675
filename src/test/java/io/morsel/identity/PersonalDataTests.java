package io.morsel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import io.morsel.support.Api;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/** A learner downloads everything Morsel keeps about them, as JSON: their own, and nobody else's. */
@MorselIntegrationTest
class PersonalDataTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Test
	void aLearnerDownloadsTheirAccountTokensAndLearning() {
		var email = Newcomers.email("curious", "acme.test");
		Newcomers.join(port, "admin@acme.test", email, "Cleo Curious", "LEARNER");
		var api = Api.on(port);
		var token = (String) api.http().post().uri("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", email, "password", Newcomers.PASSWORD, "organisation", "acme", "name", "my-script"))
			.retrieve().body(Map.class).get("token");
		var program = json.readTree(api.get(token, "/api/v1/programs").getBody()).valueStream()
			.filter(p -> p.path("selfEnrol").asBoolean(false)).findFirst().orElseThrow();
		assertThat(api.post(token, "/api/v1/programs/" + program.get("id").asString() + "/enrolment", null)
			.getStatusCode().is2xxSuccessful()).isTrue();

		var answer = api.get(token, "/api/v1/me/data");

		assertThat(answer.getStatusCode().value()).isEqualTo(200);
		var data = json.readTree(answer.getBody());
		assertThat(data.at("/identity/account/email").asString()).isEqualTo(email);
		assertThat(data.at("/identity/account/name").asString()).isEqualTo("Cleo Curious");
		assertThat(data.at("/identity/memberships/0/organisation").asString()).isEqualTo("acme");
		assertThat(data.at("/identity/tokens/0/name").asString()).isEqualTo("my-script");
		assertThat(data.at("/modules/learning/enrolments/0/title").asString()).isEqualTo(program.get("title").asString());
		assertThat(data.at("/modules/learning/enrolments/0/lessons").size()).isPositive();
		assertThat(data.at("/modules/learning/dailyGoal/kind").isString()).isTrue();
		assertThat(data.at("/modules/learning/onLeaderboards").isBoolean()).isTrue();
		assertThat(data.at("/modules/learning/days").isArray()).isTrue();
		assertThat(answer.getBody()).doesNotContain(token, "password", "hash", "learner@acme.test", "admin@acme.test");
	}

	@Test
	void theDownloadHoldsTheLearnersAnswersAndTheirReviewHistory() {
		var api = Api.on(port);
		var author = api.token("author@acme.test", "acme");
		var check = Map.of("type", "single-choice", "id", "check", "prompt", "Which is so?", "assessesObjective", true,
				"options", java.util.List.of(Map.of("id", "a", "text", "This", "correct", true, "feedback", "Yes."),
						Map.of("id", "b", "text", "That", "correct", false, "feedback", "No.")));
		var created = api.post(author, "/api/v1/lessons", Map.of("title", "Keeping answers", "objective",
				"Explain what a kept answer means.", "estimatedMinutes", 3, "skills", java.util.List.of(), "blocks",
				java.util.List.of(Map.of("type", "text", "markdown", "Answers are kept."),
						Map.of("type", "interaction", "interaction", check))));
		var lesson = json.readTree(created.getBody()).get("id").asString();
		api.post(author, "/api/v1/lessons/" + lesson + "/publish", null);
		var email = Newcomers.email("answerer", "acme.test");
		Newcomers.join(port, "admin@acme.test", email, "Ari Answerer", "LEARNER");
		var token = (String) api.http().post().uri("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", email, "password", Newcomers.PASSWORD, "organisation", "acme", "name", "answers"))
			.retrieve().body(Map.class).get("token");
		var answered = api.post(token, "/api/v1/attempts",
				Map.of("lessonId", lesson, "interactionId", "check", "optionIds", java.util.List.of("b")));
		assertThat(answered.getStatusCode().value()).as(answered.getBody()).isEqualTo(201);

		// The answer's first review is written in a batch after the answer's commit.
		io.morsel.support.Eventually.await(() -> json.readTree(api.get(token, "/api/v1/me/data").getBody())
			.at("/modules/reinforcement/reviews").size() > 0);
		var data = json.readTree(api.get(token, "/api/v1/me/data").getBody());

		var attempt = data.at("/modules/learning/attempts/0");
		assertThat(attempt.get("lessonId").asString()).isEqualTo(lesson);
		assertThat(attempt.get("attempt").asInt()).isEqualTo(1);
		assertThat(attempt.at("/answers/0/interactionId").asString()).isEqualTo("check");
		assertThat(attempt.at("/answers/0/response/optionIds/0").asString()).isEqualTo("b");
		assertThat(attempt.at("/answers/0/correct").asBoolean()).isFalse();
		assertThat(attempt.at("/answers/0/answeredAt").isString()).isTrue();
		assertThat(data.at("/modules/reinforcement/cards/0/lessonId").asString()).isEqualTo(lesson);
		assertThat(data.at("/modules/reinforcement/cards/0/interactionId").asString()).isEqualTo("check");
		assertThat(data.at("/modules/reinforcement/reviews/0/cardId").asString())
			.isEqualTo(data.at("/modules/reinforcement/cards/0/cardId").asString());
		assertThat(data.at("/modules/reinforcement/reviews/0/rating").asInt()).isPositive();
	}

	@Test
	void theProfilePageOffersTheSameDataAsAFile() {
		var email = Newcomers.email("keeper", "acme.test");
		Newcomers.join(port, "admin@acme.test", email, "Kit Keeper", "LEARNER");
		var browser = Browser.signedIn(port, email, Newcomers.PASSWORD);

		assertThat(browser.get("/profile").body()).contains("href=\"/profile/data\"", "Download your data");
		var file = browser.get("/profile/data");

		assertThat(file.status()).isEqualTo(200);
		var data = json.readTree(file.body());
		assertThat(data.at("/identity/account/email").asString()).isEqualTo(email);
		assertThat(data.at("/modules/learning/enrolments").isArray()).isTrue();
	}
}
