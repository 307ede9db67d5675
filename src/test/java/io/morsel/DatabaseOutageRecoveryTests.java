package io.morsel;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.support.Api;
import io.morsel.support.TcpProxy;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A node whose database goes away: its readiness turns DOWN, requests are answered 503 with Retry-After within the
 * connection wait instead of hanging, an answer sent meanwhile can be sent again with its key, and once the database
 * is back the node serves again by itself. The node is a second application instance whose connections go through a
 * TCP proxy, cut and restored here; the PostgreSQL server itself keeps running for every other test.
 */
@MorselIntegrationTest
@DisabledIf("io.morsel.TestInfrastructure#onH2")
class DatabaseOutageRecoveryTests {

	private static TcpProxy proxy;
	private static ConfigurableApplicationContext node;

	@LocalServerPort
	int sharedPort;

	@Autowired
	JsonMapper json;

	@BeforeAll
	static void startNodeBehindProxy() {
		var db = TestInfrastructure.database();
		var address = URI.create(db.url().substring("jdbc:".length()));
		proxy = TcpProxy.to(address.getHost(), address.getPort());
		var proxied = "jdbc:postgresql://127.0.0.1:" + proxy.port() + address.getPath();
		node = new SpringApplicationBuilder(MorselApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + proxied, "--spring.datasource.username=" + db.username(),
				"--spring.datasource.password=" + db.password(), "--morsel.demo.seed=false",
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + TestInfrastructure.mail().getSmtp().getPort(),
				"--morsel.database.wait=1s", "--morsel.database.readiness-wait=500ms");
	}

	@AfterAll
	static void stopNode() {
		if (node != null) {
			node.close();
		}
		if (proxy != null) {
			proxy.close();
		}
	}

	@Test
	void aNodeWithoutItsDatabaseIsNotReadyAnswers503AndRecoversByItself() throws Exception {
		var port = ((WebServerApplicationContext) node).getWebServer().getPort();
		var api = Api.on(port);
		var author = Api.on(sharedPort).token("author@acme.test", "acme");
		var learner = api.token("consultant@morsel.test", "acme");
		// A token this node has never checked: during the outage, the filter's look-up fails, not a controller.
		var unchecked = Api.on(sharedPort).token("manager@acme.test", "acme");
		var lesson = publishedLesson(Api.on(sharedPort), author);
		var browser = signedIn(port, "learner@acme.test");
		// Before: everything answers, and this node knows the token, the session, the attempt and the lesson.
		assertThat(readiness(port).statusCode()).isEqualTo(200);
		assertThat(api.get(learner, "/api/v1/progress").getStatusCode().value()).isEqualTo(200);
		assertThat(answer(api, learner, lesson, "verb", UUID.randomUUID().toString()).getStatusCode().value())
			.isEqualTo(201);
		assertThat(page(browser, port, "/today").statusCode()).isEqualTo(200);

		proxy.cut();
		try {
			var started = System.nanoTime();
			var notReady = readiness(port);
			var probeTook = Duration.ofNanos(System.nanoTime() - started);
			assertThat(notReady.statusCode()).isEqualTo(503);
			assertThat(notReady.body()).contains("\"DOWN\"");
			assertThat(probeTook).isLessThan(Duration.ofSeconds(3));

			started = System.nanoTime();
			var read = api.get(learner, "/api/v1/progress");
			var readTook = Duration.ofNanos(System.nanoTime() - started);
			assertThat(read.getStatusCode().value()).as(read.getBody()).isEqualTo(503);
			assertThat(read.getHeaders().getFirst("Retry-After")).isEqualTo("5");
			assertThat(read.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(json.readTree(read.getBody()).get("type").asString()).isEqualTo("/problems/database-unavailable");
			assertThat(readTook).isLessThan(Duration.ofSeconds(4));

			var unknownToken = api.get(unchecked, "/api/v1/progress");
			assertThat(unknownToken.getStatusCode().value()).as(unknownToken.getBody()).isEqualTo(503);
			assertThat(json.readTree(unknownToken.getBody()).get("type").asString())
				.isEqualTo("/problems/database-unavailable");

			// The answer goes to the answer writer, whose batch cannot get a connection either.
			started = System.nanoTime();
			var whileAway = answer(api, learner, lesson, "all", "while-away");
			var answerTook = Duration.ofNanos(System.nanoTime() - started);
			assertThat(whileAway.getStatusCode().value()).as(whileAway.getBody()).isEqualTo(503);
			assertThat(answerTook).isLessThan(Duration.ofSeconds(4));
			assertThat(whileAway.getHeaders().getFirst("Retry-After")).isEqualTo("5");

			var today = page(browser, port, "/today");
			assertThat(today.statusCode()).isEqualTo(503);
			assertThat(today.headers().firstValue("Retry-After")).contains("5");
			assertThat(today.body()).contains("Morsel is briefly unavailable");
		}
		finally {
			proxy.restore();
		}

		var back = System.nanoTime();
		while (readiness(port).statusCode() != 200) {
			assertThat(Duration.ofNanos(System.nanoTime() - back)).as("ready again").isLessThan(Duration.ofSeconds(15));
			Thread.sleep(100);
		}
		assertThat(api.get(learner, "/api/v1/progress").getStatusCode().value()).isEqualTo(200);
		assertThat(page(browser, port, "/today").statusCode()).isEqualTo(200);
		// The answer the outage refused is sent again with its key: stored now, and once.
		assertThat(answer(api, learner, lesson, "all", "while-away").getStatusCode().value()).isEqualTo(201);
		assertThat(answer(api, learner, lesson, "all", "while-away").getStatusCode().value()).isEqualTo(200);
	}

	private static HttpResponse<String> readiness(int port) throws IOException, InterruptedException {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/actuator/health/readiness")).timeout(Duration.ofSeconds(10)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> page(HttpClient browser, int port, String path)
			throws IOException, InterruptedException {
		return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A browser signed in on the node through its sign-in form. */
	private static HttpClient signedIn(int port, String email) throws IOException, InterruptedException {
		var browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		var form = page(browser, port, "/sign-in");
		var csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
		assertThat(csrf.find()).isTrue();
		var signedIn = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sign-in"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("email=" + encode(email) + "&password=morsel-demo&_csrf="
					+ encode(csrf.group(1))))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		return browser;
	}

	private static ResponseEntity<String> answer(Api api, String token, String lesson, String interaction, String key) {
		var body = new HashMap<String, Object>(Map.of("lessonId", lesson, "interactionId", interaction,
				"optionIds", List.of("a")));
		return api.http().post().uri("/api/v1/attempts").header("Authorization", "Bearer " + token)
			.header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).body(body)
			.retrieve().toEntity(String.class);
	}

	private String publishedLesson(Api api, String author) throws IOException {
		try (var in = getClass().getResourceAsStream("/catalog/every-block.json")) {
			var lesson = (ObjectNode) json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			lesson.putArray("skills");
			var created = api.post(author, "/api/v1/lessons", lesson);
			assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
			var id = json.readTree(created.getBody()).get("id").asString();
			assertThat(api.post(author, "/api/v1/lessons/" + id + "/publish", null).getStatusCode().value())
				.isEqualTo(200);
			return id;
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
