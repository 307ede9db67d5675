package io.morsel.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import io.morsel.support.Api;
import java.util.ArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document states what the API answers and refuses; support.Api checks every exchange of the API tests
 * against it, and these check the rules that no exchange shows by itself.
 */
@MorselIntegrationTest
class ApiDocumentTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	JsonNode docs;

	@BeforeEach
	void readTheDocument() {
		docs = json.readTree(Api.on(port).http().get().uri("/api/docs").retrieve().body(String.class));
	}

	@Test
	void everyOperationAnswersItsRefusalsAsProblemDetails() {
		var undocumented = new ArrayList<String>();
		docs.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
			var responses = operation.getValue().get("responses");
			var authenticated = !operation.getValue().has("security");
			for (var status : authenticated ? new String[] { "401", "500", "503" } : new String[] { "500", "503" }) {
				if (!responses.has(status)) {
					undocumented.add(operation.getKey() + " " + path.getKey() + " " + status);
				}
			}
			responses.properties().stream().filter(r -> r.getKey().matches("[45]\\d\\d")).forEach(r -> {
				if (!r.getValue().at("/content/application~1problem+json/schema/$ref").asString()
					.equals("#/components/schemas/ProblemDetail")) {
					undocumented.add(operation.getKey() + " " + path.getKey() + " " + r.getKey() + " as a problem");
				}
			});
		}));
		assertThat(undocumented).isEmpty();
		assertThat(docs.at("/components/schemas/ProblemDetail/properties").propertyNames())
			.containsExactlyInAnyOrder("type", "title", "status", "detail", "instance", "errors");
	}

	@Test
	void statusesFollowFromTheOperationsShapeAndTheirDeclaredRefusals() {
		assertThat(responses("/api/v1/programs/{id}", "put")).contains("400", "401", "403", "404", "413", "415");
		assertThat(responses("/api/v1/lessons/{id}/publish", "post")).contains("401", "403", "404", "409")
			.doesNotContain("413", "415");
		assertThat(responses("/api/v1/me", "get")).doesNotContain("400", "403", "404", "409");
		// Served by a page controller too (/media/{id}), and still an operation of the API.
		assertThat(responses("/api/v1/media/{id}", "get")).contains("200", "401", "404");
		assertThat(responses("/api/v1/tokens", "post")).contains("400", "401", "413", "415", "429");
		assertThat(docs.at("/paths/~1api~1v1~1tokens/post/security").isEmpty()).isTrue();
	}

	@Test
	void blocksAndInteractionsAreOneOfTheirKindsByType() {
		var blocks = docs.at("/components/schemas/Block");
		assertThat(blocks.at("/discriminator/propertyName").asString()).isEqualTo("type");
		assertThat(blocks.at("/discriminator/mapping").propertyNames()).containsExactlyInAnyOrder("text", "image",
				"video", "audio", "resources", "interaction");
		assertThat(blocks.get("oneOf").size()).isEqualTo(6);
		assertThat(docs.at("/components/schemas/Interaction/discriminator/mapping").propertyNames())
			.containsExactlyInAnyOrder("single-choice", "multiple-choice", "pick-n", "matching", "ordering",
					"short-text", "scenario", "exercise");
		assertThat(docs.at("/components/schemas/Image/properties/type/enum").toString()).isEqualTo("[\"image\"]");
		assertThat(docs.at("/components/schemas/Image/required").toString()).contains("\"type\"");
		assertThat(docs.at("/components/schemas/LessonContent/properties/blocks/items/$ref").asString())
			.isEqualTo("#/components/schemas/Block");
	}

	@Test
	void nullableFieldsAreMarkedNullableAndTheOthersAreNot() {
		assertThat(docs.at("/components/schemas/Image/properties/caption/nullable").asBoolean()).isTrue();
		assertThat(docs.at("/components/schemas/Image/properties/alt/nullable").isMissingNode()).isTrue();
		assertThat(docs.at("/components/schemas/LessonSummary/properties/draftVersion/nullable").asBoolean()).isTrue();
		assertThat(docs.at("/components/schemas/Step/properties/block/anyOf/0/$ref").asString())
			.isEqualTo("#/components/schemas/Block");
	}

	@Test
	void rulesOfTheRequestsAreInTheSchema() {
		assertThat(docs.at("/components/schemas/NewProgram/properties/slug/pattern").asString())
			.isEqualTo("^[a-z0-9][a-z0-9-]{0,59}$");
		assertThat(docs.at("/components/schemas/NewProgram/properties/title/maxLength").asInt()).isEqualTo(120);
		assertThat(docs.at("/components/schemas/AnswerRequest/oneOf").findValues("required").stream().map(JsonNode::toString).toList())
			.containsExactly("[\"optionIds\"]", "[\"pairs\"]", "[\"order\"]", "[\"text\"]");
		assertThat(docs.at("/components/schemas/SimulatedReview/properties/rating/maximum").asInt()).isEqualTo(4);
		// The daily review's answer and the simulation's review are two schemas, not one name for both.
		assertThat(docs.at("/components/schemas/ReviewRequest/required").toString()).contains("cardId");
		assertThat(docs.at("/components/schemas/SimulatedStep/properties/state/enum").toString())
			.isEqualTo("[\"New\",\"Learning\",\"Review\",\"Relearning\"]");
	}

	private Iterable<String> responses(String path, String method) {
		return docs.get("paths").get(path).get(method).get("responses").propertyNames();
	}
}
