package io.morsel.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import io.morsel.support.Api;
import io.morsel.support.Visitor;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Input nobody should send, sent anyway over real HTTP: control characters, wrong content types, out-of-range dates,
 * oversized imports, unknown methods. Each is refused with a 4xx that says why, and nothing is stored.
 */
@MorselIntegrationTest
class HostileInputTests {

	private static final String NUL = "\u0000";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	Visitor author;
	String authorToken;

	@BeforeEach
	void signIn() {
		author = Visitor.signedIn(port, "author@acme.test");
		authorToken = Api.on(port).token("author@acme.test", "acme");
	}

	@Test
	void aNulInAFormFieldIsABadRequestAndStoresNothing() {
		var before = count("lessons");
		var answer = author.form("/studio/lessons", Map.of("title", "Tag a deal" + NUL, "objective",
				"Tag a deal with its launch campaign in the CRM.", "minutes", "3", "text", "Some text."));
		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.body()).contains("control character");
		assertThat(count("lessons")).isEqualTo(before);
	}

	@Test
	void tabsAndNewlinesStayAllowedInMultiLineText() {
		var answer = author.form("/studio/lessons", Map.of("title", "Tabs " + UUID.randomUUID(), "objective",
				"Tag a deal with its launch campaign in the CRM.", "minutes", "3", "text", "A line\r\n\tindented\nnext"));
		assertThat(answer.statusCode()).isEqualTo(302);
	}

	@Test
	void aNulInTheSignInFormIsABadRequest() {
		var answer = Visitor.anonymous(port).form("/sign-in", Map.of("email", "learner" + NUL + "@acme.test",
				"password", "morsel-demo"));
		assertThat(answer.statusCode()).isEqualTo(400);
	}

	@Test
	void aSignInAddressLongerThanAnyAccountIsWrongCredentials() {
		var answer = Visitor.anonymous(port).form("/sign-in", Map.of("email", "x".repeat(300) + "@acme.test",
				"password", "morsel-demo"));
		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith("/sign-in?error=credentials");
	}

	@Test
	void aPasswordResetWithoutItsPasswordComesBackAsTheForm() {
		var answer = Visitor.anonymous(port).form("/password/reset/" + UUID.randomUUID(),
				Map.of("confirmation", "a".repeat(40)));
		assertThat(answer.statusCode()).isEqualTo(200);
	}

	@Test
	void aNulInAJsonStringIsAValidationProblem() {
		var before = count("skills");
		var answer = author.send("POST", "/api/v1/skills", "application/json",
				"{\"name\": \"Escaped nul\", \"description\": \"a\\u0000b\"}", authorToken);
		assertProblem(answer, 400, "/problems/validation");
		assertThat(answer.body()).contains("control character");
		assertThat(count("skills")).isEqualTo(before);
	}

	@Test
	void aNulInTheTokenRequestIsAValidationProblem() {
		var answer = Visitor.anonymous(port).send("POST", "/api/v1/tokens", "application/json",
				"{\"email\": \"learner@acme.test\\u0000\", \"password\": \"morsel-demo\", \"organisation\": \"acme\"}", null);
		assertProblem(answer, 400, "/problems/validation");
	}

	@Test
	void aNulInAQueryParameterIsABadRequest() {
		assertProblem(author.send("GET", "/api/v1/lessons?q=%00", null, "", authorToken), 400, "/problems/validation");
		assertThat(author.get("/studio?q=a%00b").statusCode()).isEqualTo(400);
	}

	@Test
	void aNulInAnUploadsFileNameIsABadRequest() {
		var answer = author.multipart("/studio/import", Map.of(), "file", "lesson" + NUL + ".json",
				"{}".getBytes(StandardCharsets.UTF_8));
		assertThat(answer.statusCode()).isEqualTo(400);
		var bell = author.multipartWithToken("/api/v1/media", authorToken, "image\u0007.png", new byte[] { 1, 2, 3 });
		assertProblem(bell, 400, "/problems/validation");
		assertThat(bell.body()).contains("control character");
	}

	@Test
	void multipartWithoutBoundaryOrAWildcardTypeIsUnsupported() {
		var anonymous = Visitor.anonymous(port);
		for (var type : new String[] { "multipart/form-data", "application/*", "multipart/form-data; boundary=" }) {
			assertProblem(anonymous.send("POST", "/api/v1/tokens", type, "{}", null), 415,
					"/problems/unsupported-media-type");
			assertProblem(author.send("POST", "/api/v1/skills", type, "{}", authorToken), 415,
					"/problems/unsupported-media-type");
		}
	}

	@Test
	void theSkillFormAppliesTheApiRules() {
		var before = count("skills");
		var longDescription = author.form("/studio/skills",
				Map.of("name", "Long " + UUID.randomUUID().toString().substring(0, 8), "description", "x".repeat(1001)));
		assertThat(longDescription.statusCode()).isEqualTo(200);
		assertThat(longDescription.body()).contains("1000");
		var markupCode = author.form("/studio/skills",
				Map.of("name", "Code " + UUID.randomUUID().toString().substring(0, 8), "frameworkCode", "<b>x</b>"));
		assertThat(markupCode.statusCode()).isEqualTo(200);
		assertThat(count("skills")).isEqualTo(before);
	}

	@Test
	void aBlockFormWithoutKindIsRefusedWithAMessage() {
		var lesson = newLesson();
		var answer = author.form("/studio/lessons/" + lesson + "/blocks", Map.of("markdown", "No kind"));
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).contains("kind of block");
	}

	@Test
	void aDueDateFarInTheFutureIsRefusedByBothDoors() {
		var program = jdbc.sql("""
				SELECT p.id FROM programs p JOIN organisations o ON o.id = p.organisation_id
				WHERE o.slug = 'acme' AND p.slug = 'get-started'""").query(UUID.class).single();
		var learner = jdbc.sql("""
				SELECT m.id FROM memberships m JOIN users u ON u.id = m.user_id JOIN organisations o ON o.id = m.organisation_id
				WHERE u.email = 'learner@acme.test' AND o.slug = 'acme'""").query(UUID.class).single();
		var enrolments = "SELECT count(*) || ':' || coalesce(max(due_at)::text, '') FROM enrolments";
		var before = jdbc.sql(enrolments).query(String.class).single();
		var managerToken = Api.on(port).token("manager@acme.test", "acme");
		var api = author.send("POST", "/api/v1/programs/" + program + "/assignments", "application/json",
				"{\"memberIds\": [\"" + learner + "\"], \"dueAt\": \"+999999999-12-31T00:00:00Z\"}", managerToken);
		assertProblem(api, 400, "/problems/validation");
		var manager = Visitor.signedIn(port, "manager@acme.test");
		var form = manager.form("/team/assignments",
				Map.of("program", program.toString(), "members", learner.toString(), "due", "+999999999-12-31"));
		assertThat(form.statusCode()).isEqualTo(400);
		var plain = manager.form("/team/assignments",
				Map.of("program", program.toString(), "members", learner.toString(), "due", "275760-09-13"));
		assertThat(plain.statusCode()).isEqualTo(400);
		assertThat(jdbc.sql(enrolments).query(String.class).single()).isEqualTo(before);
	}

	@Test
	void anImportOverTheLimitIsRefusedWithoutReadingIt() {
		var before = count("lessons");
		var answer = author.multipart("/studio/import", Map.of(), "file", "lesson.json",
				("{\"title\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8));
		assertThat(answer.statusCode()).isIn(200, 413);
		assertThat(answer.body()).contains("1 MB");
		assertThat(count("lessons")).isEqualTo(before);
	}

	@Test
	void unknownMethodsAreNotAllowed() {
		var api = author.send("PROPFIND", "/api/v1/lessons", null, "", authorToken);
		assertProblem(api, 405, "/problems/method-not-allowed");
		assertThat(api.headers().firstValue("Allow").orElse("")).contains("GET");
		var page = author.send("FOO", "/studio", null, "", null);
		assertThat(page.statusCode()).isEqualTo(405);
		assertThat(page.headers().firstValue("Allow").orElse("")).contains("GET");
		var anonymous = Visitor.anonymous(port).send("FOO", "/api/v1/tokens", null, "", null);
		assertThat(anonymous.statusCode()).isEqualTo(405);
		assertThat(anonymous.headers().firstValue("Allow").orElse("")).contains("POST");
	}

	@Test
	void aHugeAnswerOnTheLessonPageIsRefusedOnThePageAndKeepsNothing() throws Exception {
		var lesson = json.readTree(author.send("POST", "/api/v1/lessons", "application/json",
				new String(getClass().getResourceAsStream("/catalog/keyboard-lesson.json").readAllBytes(),
						StandardCharsets.UTF_8), authorToken).body()).get("id").asString();
		author.send("POST", "/api/v1/lessons/" + lesson + "/publish", null, "", authorToken);
		var learner = Visitor.signedIn(port, "learner@acme.test");
		var answer = learner.form("/lessons/" + lesson + "/answers/top3", Map.of("optionIds", "x".repeat(20_000)));
		// The page again, saying what to fix, and no message kept for a next page: a client that sends refused answers
		// again and again piles up nothing.
		assertThat(answer.statusCode()).isEqualTo(422);
		assertThat(answer.body()).contains("This question has no such option.");
		for (int i = 0; i < 40; i++) {
			var again = learner.form("/lessons/" + lesson + "/answers/top3", Map.of("optionIds", "x" + i));
			assertThat(again.statusCode()).isEqualTo(422);
			assertThat(again.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.contains("FLASH"));
		}
	}

	private UUID newLesson() {
		var created = author.form("/studio/lessons", Map.of("title", "Hostile " + UUID.randomUUID(), "objective",
				"Tag a deal with its launch campaign in the CRM.", "minutes", "3", "text", "Some text."));
		var location = created.headers().firstValue("Location").orElseThrow();
		return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
	}

	private long count(String table) {
		return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

	private JsonNode assertProblem(HttpResponse<String> answer, int status, String type) {
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
		assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		var problem = json.readTree(answer.body());
		assertThat(problem.get("type").asString()).isEqualTo(type);
		return problem;
	}
}
