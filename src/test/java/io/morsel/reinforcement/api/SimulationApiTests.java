package io.morsel.reinforcement.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import io.morsel.support.Api;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Administrators replay a card's reviews through FSRS-6 over HTTP, with the parameters they are tuning. */
@MorselIntegrationTest
class SimulationApiTests {

	static final String SIMULATE = "/api/v1/reinforcement/simulate";

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	Api api;
	String admin;

	@BeforeEach
	void setUp() {
		api = Api.on(port);
		admin = api.token("admin@acme.test", "acme");
	}

	@Test
	void answersOneStepPerReviewWithTheDefaultsOfFsrs6() {
		var response = api.post(admin, SIMULATE, Map.of("reviews", List.of(review("2026-01-05T09:00:00Z", 3),
				review("2026-01-05T09:10:00Z", 3), review("2026-01-07T09:10:00Z", 4))));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		var steps = tree(response).get("steps");
		assertThat(steps).hasSize(3);
		var first = steps.get(0);
		assertThat(first.propertyNames()).containsExactlyInAnyOrder("at", "rating", "state", "stability",
				"difficulty", "due", "scheduledDays");
		assertThat(first.get("at").asString()).isEqualTo("2026-01-05T09:00:00Z");
		assertThat(first.get("rating").asInt()).isEqualTo(3);
		assertThat(first.get("state").asString()).isEqualTo("Learning");
		assertThat(first.get("stability").asDouble()).isEqualTo(2.3065);
		assertThat(first.get("due").asString()).isEqualTo("2026-01-05T09:10:00Z");
		assertThat(first.get("scheduledDays").asInt()).isZero();
		assertThat(steps.get(1).get("state").asString()).isEqualTo("Review");
		assertThat(steps.get(1).get("scheduledDays").asInt()).isEqualTo(2);
		assertThat(steps.get(2).get("state").asString()).isEqualTo("Review");
		assertThat(Instant.parse(steps.get(2).get("due").asString()))
			.isAfter(Instant.parse("2026-01-10T09:10:00Z"));
	}

	@Test
	void parametersChangeTheSchedule() {
		var reviews = List.of(review("2026-01-05T09:00:00Z", 4), review("2026-01-13T09:00:00Z", 2));
		var standard = tree(api.post(admin, SIMULATE, Map.of("reviews", reviews))).get("steps");
		var body = new HashMap<String, Object>();
		body.put("reviews", reviews);
		body.put("desiredRetention", 0.8);
		body.put("enableShortTerm", false);
		body.put("learningSteps", List.of());
		body.put("maximumInterval", 20);
		body.put("weights", List.of(0.4, 0.9, 2.9, 10.5, 6.8, 0.5, 1.2, 0.01, 1.5, 0.12, 1.0, 1.8, 0.1, 0.3, 2.2, 0.3,
				2.6, 0.4, 0.2, 0.1, 0.3));
		var tuned = tree(api.post(admin, SIMULATE, body)).get("steps");

		assertThat(tuned.get(0).get("stability").asDouble()).isEqualTo(10.5);
		assertThat(tuned.get(1).get("scheduledDays").asInt()).isLessThanOrEqualTo(20)
			.isNotEqualTo(standard.get(1).get("scheduledDays").asInt());
	}

	@Test
	void learnersAndManagersMayNotSimulate() {
		var body = Map.of("reviews", List.of(review("2026-01-05T09:00:00Z", 3)));
		for (var email : List.of("learner@acme.test", "manager@acme.test", "author@acme.test")) {
			var refused = api.post(api.token(email, "acme"), SIMULATE, body);
			assertThat(refused.getStatusCode()).as(email).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(tree(refused).get("type").asString()).endsWith("/problems/forbidden");
		}
		var invalid = api.post(api.token("learner@acme.test", "acme"), SIMULATE, Map.of("reviews", List.of()));
		assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(api.post("no-such-token", SIMULATE, body).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void namesEveryInvalidFieldAtOnce() {
		var weights = new ArrayList<Object>(List.of(0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.9, 1.8722,
				0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.005, 0.1542));
		var body = new HashMap<String, Object>();
		body.put("weights", weights);
		body.put("desiredRetention", 1.0);
		body.put("learningSteps", List.of("1m", "1x"));
		body.put("relearningSteps", List.of("10"));
		body.put("maximumInterval", 0);
		body.put("reviews", List.of(review("2026-01-05T09:00:00Z", 0), review("2026-01-06T09:00:00Z", 3),
				review("2026-01-05T12:00:00Z", 5)));

		var refused = api.post(admin, SIMULATE, body);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		var problem = tree(refused);
		assertThat(problem.get("type").asString()).isEqualTo("/problems/validation");
		assertThat(fields(problem)).containsExactlyInAnyOrder("weights[7]", "weights[19]", "desiredRetention",
				"learningSteps[1]", "relearningSteps[0]", "maximumInterval", "reviews[0].rating", "reviews[2].rating",
				"reviews[2].at");
		assertThat(message(problem, "weights[7]")).isEqualTo("must be between 0.001 and 0.75");
		assertThat(message(problem, "weights[19]")).contains("0.01");
		assertThat(message(problem, "learningSteps[1]")).contains("m, h or d");
		assertThat(message(problem, "reviews[2].at")).contains("chronological");
	}

	@Test
	void refusesWeightsOfTheWrongLengthAndEmptyOrTooManyReviews() {
		var shortWeights = Map.of("weights", List.of(0.2, 1.2, 2.3), "reviews", List.of(review("2026-01-05T09:00:00Z", 3)));
		var tooFew = tree(api.post(admin, SIMULATE, shortWeights));
		assertThat(fields(tooFew)).containsExactly("weights");
		assertThat(message(tooFew, "weights")).isEqualTo("must hold exactly 21 weights, w0 to w20");

		assertThat(fields(tree(api.post(admin, SIMULATE, Map.of("reviews", List.of()))))).containsExactly("reviews");
		assertThat(fields(tree(api.post(admin, SIMULATE, Map.of("desiredRetention", 0.9))))).containsExactly("reviews");

		var many = new StringBuilder("{\"reviews\":[");
		var at = Instant.parse("2026-01-05T09:00:00Z");
		for (int i = 0; i <= SimulationRequest.MAX_REVIEWS; i++) {
			many.append(i == 0 ? "" : ",").append("{\"at\":\"").append(at.plusSeconds(i * 3600L)).append("\",\"rating\":3}");
		}
		var tooMany = api.post(admin, SIMULATE, json.readTree(many.append("]}").toString()));
		assertThat(tooMany.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(fields(tree(tooMany))).containsExactly("reviews");
	}

	@Test
	void refusesUnreadableTimesAsAMalformedBody() {
		var refused = api.post(admin, SIMULATE, Map.of("reviews", List.of(Map.of("at", "yesterday", "rating", 3))));
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(tree(refused).get("type").asString()).isEqualTo("/problems/malformed-body");
	}

	@Test
	void theOpenApiDocumentDescribesTheSimulation() {
		var docs = json.readTree(api.http().get().uri("/api/docs").retrieve().body(String.class));
		var post = docs.at("/paths/~1api~1v1~1reinforcement~1simulate/post");
		assertThat(post.get("summary").asString()).contains("FSRS-6");
		var schemas = docs.at("/components/schemas");
		assertThat(schemas.get("SimulationRequest").get("properties").propertyNames()).containsExactlyInAnyOrder(
				"weights", "desiredRetention", "learningSteps", "relearningSteps", "maximumInterval", "enableShortTerm",
				"enableFuzz", "reviews");
		assertThat(schemas.at("/SimulationRequest/required").toString()).isEqualTo("[\"reviews\"]");
		assertThat(schemas.get("SimulatedStep").get("properties").propertyNames()).containsExactlyInAnyOrder("at",
				"rating", "state", "stability", "difficulty", "due", "scheduledDays");
	}

	static Map<String, Object> review(String at, int rating) {
		return Map.of("at", at, "rating", rating);
	}

	JsonNode tree(ResponseEntity<String> response) {
		return json.readTree(response.getBody());
	}

	static List<String> fields(JsonNode problem) {
		return problem.get("errors").findValuesAsString("field");
	}

	static String message(JsonNode problem, String field) {
		for (var error : problem.get("errors")) {
			if (error.get("field").asString().equals(field)) {
				return error.get("message").asString();
			}
		}
		throw new AssertionError("No error for " + field + " in " + problem);
	}
}
