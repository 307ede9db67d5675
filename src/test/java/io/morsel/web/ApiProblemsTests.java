package io.morsel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.morsel.MorselIntegrationTest;
import io.morsel.support.Api;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Bad input to the API gets a clear RFC 9457 problem detail, and nothing is stored half-way. */
@MorselIntegrationTest
class ApiProblemsTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	final HttpClient http = HttpClient.newHttpClient();

	String learner;

	@BeforeEach
	void setUp() {
		learner = Api.on(port).token("learner@acme.test", "acme");
	}

	@Test
	void malformedJsonIsABadRequest() throws Exception {
		var response = createToken("application/json", "{\"email\": \"learner@acme.test\", ");
		assertProblem(response, 400, "/problems/malformed-body");
	}

	@Test
	void aWrongContentTypeIsUnsupported() throws Exception {
		assertProblem(createToken("text/plain", "email=learner@acme.test"), 415, "/problems/unsupported-media-type");
		assertProblem(createToken("application/x-www-form-urlencoded", "email=a"), 415, "/problems/unsupported-media-type");
	}

	@Test
	void unknownFieldsAreNamed() throws Exception {
		var response = createToken("application/json", """
				{"email": "learner@acme.test", "password": "morsel-demo", "organisation": "acme", "admin": true}""");
		var problem = assertProblem(response, 400, "/problems/malformed-body");
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("admin");
	}

	@Test
	void missingAndInvalidFieldsAreListedOneByOne() throws Exception {
		var response = createToken("application/json", "{\"email\": \"not an email\"}");
		var problem = assertProblem(response, 400, "/problems/validation");
		assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()))
			.contains("email", "password", "organisation");
	}

	@Test
	void markupAndSqlInTextFieldsAreRefusedAndStoreNothing() throws Exception {
		var before = tokens();
		var markup = createToken("application/json", """
				{"email": "learner@acme.test", "password": "morsel-demo", "organisation": "acme",
				 "name": "<script>alert(1)</script>"}""");
		var sqlName = createToken("application/json", """
				{"email": "learner@acme.test", "password": "morsel-demo", "organisation": "acme",
				 "name": "x'; DROP TABLE users;--"}""");
		var sqlOrganisation = createToken("application/json", """
				{"email": "learner@acme.test", "password": "morsel-demo", "organisation": "acme' OR '1'='1"}""");

		assertThat(assertProblem(markup, 400, "/problems/validation").get("errors").get(0).get("field").asString())
			.isEqualTo("name");
		assertProblem(sqlName, 400, "/problems/validation");
		assertProblem(sqlOrganisation, 400, "/problems/validation");
		assertThat(tokens()).isEqualTo(before);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single()).isPositive();
	}

	@Test
	void anOversizedBodyIsRefusedWhetherItsLengthIsDeclaredOrNot() throws Exception {
		var before = tokens();
		var big = "{\"email\": \"" + "a".repeat(300 * 1024) + "@acme.test\"}";
		var declared = createToken("application/json", big);
		var chunked = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/tokens"))
			.header("Content-Type", "application/json")
			.POST(chunked(big))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertProblem(declared, 413, "/problems/body-too-large");
		assertProblem(chunked, 413, "/problems/body-too-large");
		assertThat(tokens()).isEqualTo(before);
	}

	@Test
	void everyApiErrorIsAProblemDetail() throws Exception {
		assertProblem(get("/api/v1/whatever", learner), 404, "/problems/not-found");
		var anonymous = get("/api/v1/me", null);
		assertProblem(anonymous, 401, "/problems/unauthenticated");
		assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		assertProblem(get("/api/v1/me", "mrsl_not-a-real-token"), 401, "/problems/unauthenticated");
		assertProblem(get("/actuator/prometheus", learner), 403, "/problems/forbidden");
		assertProblem(get("/api/v1/people/not-a-uuid", learner), 400, "/problems/validation");
		var wrongMethod = http.send(request("/api/v1/me", learner).DELETE().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(wrongMethod.statusCode()).isEqualTo(405);
		assertThat(wrongMethod.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		// A path with a variable in it is matched by its path first, and its methods and media types still count.
		var lesson = "/api/v1/lessons/" + UUID.randomUUID();
		var patchLesson = http.send(request(lesson, learner).method("PATCH", HttpRequest.BodyPublishers.noBody()).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(patchLesson.statusCode()).isEqualTo(405);
		assertThat(patchLesson.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(patchLesson.headers().firstValue("Allow").orElseThrow()).contains("GET");
		// An author's: anyone else is refused for the role before the body's type is looked at.
		var author = Api.on(port).token("author@acme.test", "acme");
		var textDraft = http.send(request(lesson + "/draft", author).header("Content-Type", "text/plain")
			.PUT(HttpRequest.BodyPublishers.ofString("a draft")).build(), HttpResponse.BodyHandlers.ofString());
		assertProblem(textDraft, 415, "/problems/unsupported-media-type");
	}

	@Test
	void problemTitlesAreTheBundlesWordsNotTheirCodes() throws Exception {
		var titles = Map.of(
				"no token", assertProblem(get("/api/v1/me", null), 401, "/problems/unauthenticated"),
				"unknown token", assertProblem(get("/api/v1/me", "mrsl_not-a-real-token"), 401, "/problems/unauthenticated"),
				"role refused", assertProblem(get("/actuator/prometheus", learner), 403, "/problems/forbidden"),
				"missing lesson", assertProblem(get("/api/v1/lessons/" + UUID.randomUUID(), learner), 404,
						"/problems/not-found"));

		assertThat(titles).extractingFromEntries(Map.Entry::getKey, e -> e.getValue().get("title").asString())
			.containsExactlyInAnyOrder(tuple("no token", "Unauthenticated"), tuple("unknown token", "Invalid token"),
					tuple("role refused", "Forbidden"), tuple("missing lesson", "Not found"));
	}

	@Test
	void aValueThatRefusesInputAnswersWithItsRule() throws Exception {
		var thrown = get("/api/v1/test-only/values/refused", learner);
		var read = http.send(request("/api/v1/test-only/values", learner).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"value\": \"refused\"}")).build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(assertProblem(thrown, 400, "/problems/validation").get("detail").asString())
			.isEqualTo("A probe must not be refused");
		assertThat(assertProblem(read, 400, "/problems/validation").get("detail").asString())
			.isEqualTo("A probe must not be refused");
	}

	@Test
	void aProgrammingErrorIsAServerErrorThatKeepsItsMessageToItself() throws Exception {
		var thrown = get("/api/v1/test-only/values/bug", learner);
		var read = http.send(request("/api/v1/test-only/values", learner).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"value\": \"bug\"}")).build(),
				HttpResponse.BodyHandlers.ofString());

		for (var response : List.of(thrown, read)) {
			assertThat(assertProblem(response, 500, "/problems/server-error").get("detail").asString())
				.isEqualTo("Morsel could not complete the request; it has been logged.");
			assertThat(response.body()).doesNotContain("secret table", "Index 7");
		}
	}

	@Test
	void healthIsOpenAndMetricsAreForAdminsOnly() throws Exception {
		var health = get("/actuator/health", null);
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(json.readTree(health.body()).get("status").asString()).isEqualTo("UP");
		assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);

		var metrics = get("/actuator/prometheus", Api.on(port).token("admin@acme.test", "acme"));
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
		assertThat(metrics.body()).contains("jvm_memory_used_bytes", "http_server_requests",
				"morsel_answers_batches_seconds_count", "morsel_answers_batch_size_answers_sum");
	}

	@Test
	void theOpenApiDocumentDescribesTheApiAndItsBearerTokens() throws Exception {
		var docs = get("/api/docs", null);
		assertThat(docs.statusCode()).isEqualTo(200);
		var openApi = json.readTree(docs.body());
		assertThat(openApi.get("paths").propertyNames()).contains("/api/v1/tokens", "/api/v1/me", "/api/v1/people",
				"/api/v1/lessons", "/api/v1/attempts", "/api/v1/programs");
		assertThat(openApi.at("/components/securitySchemes/token/scheme").asString()).isEqualTo("bearer");

		var ui = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()
			.send(request("/api/docs/ui", null).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(ui.statusCode()).isEqualTo(200);
		assertThat(ui.body()).contains("swagger-ui");
	}

	private long tokens() {
		return jdbc.sql("SELECT COUNT(*) FROM api_tokens").query(Long.class).single();
	}

	private JsonNode assertProblem(HttpResponse<String> response, int status, String type) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		var problem = json.readTree(response.body());
		assertThat(problem.get("type").asString()).isEqualTo(type);
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("title").asString()).isNotBlank().doesNotStartWith("problem.title.");
		assertThat(problem.get("detail").asString()).isNotBlank();
		return problem;
	}

	private HttpResponse<String> createToken(String contentType, String body) throws IOException, InterruptedException {
		return http.send(request("/api/v1/tokens", null).header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
		return http.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path, String token) {
		var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		return token == null ? builder : builder.header("Authorization", "Bearer " + token);
	}

	/** A body without Content-Length: the JDK sends it chunked. */
	private static HttpRequest.BodyPublisher chunked(String body) {
		var bytes = HttpRequest.BodyPublishers.ofString(body);
		return new HttpRequest.BodyPublisher() {
			@Override
			public long contentLength() {
				return -1;
			}

			@Override
			public void subscribe(Flow.Subscriber<? super java.nio.ByteBuffer> subscriber) {
				bytes.subscribe(subscriber);
			}
		};
	}

}
