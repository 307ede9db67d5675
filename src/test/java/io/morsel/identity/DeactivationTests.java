package io.morsel.identity;

import static io.morsel.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselApplication;
import io.morsel.MorselIntegrationTest;
import io.morsel.TestInfrastructure;
import io.morsel.support.Api;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * An admin deactivates or removes a member: the member's cookie and token are refused by the very next request, on
 * every node, although each node otherwise trusts them for the session recheck interval (a minute). Node A is the
 * shared test context, node B a second server on the same database; both check sessions once a minute.
 */
@MorselIntegrationTest
class DeactivationTests {

	private static ConfigurableApplicationContext nodeB;

	@LocalServerPort
	int portA;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@BeforeAll
	static void startSecondNode() {
		var db = TestInfrastructure.database();
		nodeB = new SpringApplicationBuilder(MorselApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
				"--spring.datasource.password=" + db.password(), "--morsel.demo.seed=false",
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + TestInfrastructure.mail().getSmtp().getPort(),
				"--morsel.throttle.unthrottled-addresses=127.0.0.1,0:0:0:0:0:0:0:1");
	}

	@AfterAll
	static void stopSecondNode() {
		if (nodeB != null) {
			nodeB.close();
		}
	}

	private int portB() {
		return ((WebServerApplicationContext) nodeB).getWebServer().getPort();
	}

	@Test
	void aDeactivatedMembersCookieAndTokenAreRefusedOnBothNodesWithinAQuarterSecond() {
		var email = Newcomers.email("leaver", "acme.test");
		Newcomers.join(portA, "admin@acme.test", email, "Lee Leaver", "LEARNER");
		var cookie = Browser.signedIn(portA, email, Newcomers.PASSWORD).sessionCookie();
		var token = token(email);
		var a = Api.on(portA);
		var b = Api.on(portB());
		// Both nodes now trust the cookie and the token, and cache the member, for a minute.
		assertThat(Browser.withSessionCookie(portA, cookie).get("/profile").status()).isEqualTo(200);
		assertThat(Browser.withSessionCookie(portB(), cookie).get("/profile").status()).isEqualTo(200);
		assertThat(a.get(token, "/api/v1/me").getStatusCode().value()).isEqualTo(200);
		assertThat(b.get(token, "/api/v1/me").getStatusCode().value()).isEqualTo(200);

		var admin = b.token("admin@acme.test", "acme");
		var deactivated = b.post(admin, "/api/v1/people/" + memberIdOf(email) + "/deactivation", null);

		assertThat(deactivated.getStatusCode().value()).isEqualTo(204);
		// At once on the node that deactivated; on the other within its check of the revocations (250 ms).
		assertThat(Browser.withSessionCookie(portB(), cookie).get("/profile").location()).isEqualTo("/sign-in");
		assertThat(b.get(token, "/api/v1/me").getStatusCode().value()).isEqualTo(401);
		await(() -> "/sign-in".equals(Browser.withSessionCookie(portA, cookie).get("/profile").location()));
		await(() -> a.get(token, "/api/v1/me").getStatusCode().value() == 401);
		assertThat(new Browser(portA).signIn(email, Newcomers.PASSWORD).location())
			.isEqualTo("/sign-in?error=no-organisation");
		assertThat(a.get(admin, "/api/v1/people/" + memberIdOf(email)).getBody()).contains("\"active\":false");
	}

	@Test
	void aReactivatedMemberSignsInAgainButTheirEndedSessionsStayEnded() {
		var email = Newcomers.email("returner", "acme.test");
		Newcomers.join(portA, "admin@acme.test", email, "Rita Returner", "LEARNER");
		var cookie = Browser.signedIn(portA, email, Newcomers.PASSWORD).sessionCookie();
		var token = token(email);
		var a = Api.on(portA);
		var admin = a.token("admin@acme.test", "acme");
		var program = learnOneLesson(a, token);
		await(() -> recordsOf(email).answers() == 1);
		var learned = recordsOf(email);
		assertThat(learned).isEqualTo(new Records(1, 1, 1, 1));
		var path = "/api/v1/people/" + memberIdOf(email) + "/deactivation";
		assertThat(a.post(admin, path, null).getStatusCode().value()).isEqualTo(204);
		await(() -> "/sign-in".equals(Browser.withSessionCookie(portB(), cookie).get("/profile").location()));
		assertThat(recordsOf(email)).as("learning records while deactivated").isEqualTo(learned);

		var reactivated = a.http().delete().uri(path).header("Authorization", "Bearer " + admin).retrieve()
			.toBodilessEntity();

		assertThat(reactivated.getStatusCode().value()).isEqualTo(204);
		assertThat(Api.on(portB()).get(token, "/api/v1/me").getStatusCode().value()).isEqualTo(200);
		assertThat(Browser.withSessionCookie(portA, cookie).get("/profile").location()).isEqualTo("/sign-in");
		assertThat(Browser.withSessionCookie(portB(), cookie).get("/profile").location()).isEqualTo("/sign-in");
		assertThat(Browser.signedIn(portB(), email, Newcomers.PASSWORD).get("/profile").status()).isEqualTo(200);
		assertThat(recordsOf(email)).as("learning records once reactivated").isEqualTo(learned);
		// And the member finds their completed lesson where they left it.
		var progress = a.get(token, "/api/v1/programs/" + program + "/progress").getBody();
		assertThat(json.readTree(progress).get("enrolled").asBoolean()).isTrue();
		assertThat(json.readTree(progress).get("completed").asInt()).isEqualTo(1);
	}

	/** What the member learned: their enrolments, attempts, completed attempts and answers. */
	private record Records(long enrolments, long attempts, long completed, long answers) {
	}

	/**
	 * The member joins a program open to learners, of one lesson with one question, and answers it, which completes
	 * the lesson; the program's id.
	 */
	private String learnOneLesson(Api api, String token) {
		var author = api.token("author@acme.test", "acme");
		var check = Map.of("type", "single-choice", "id", "check", "prompt", "Which is so?", "assessesObjective", true,
				"options", List.of(Map.of("id", "a", "text", "This", "correct", true, "feedback", "Yes."),
						Map.of("id", "b", "text", "That", "correct", false, "feedback", "No.")));
		var lesson = id(api.post(author, "/api/v1/lessons", Map.of("title", "Staying on record", "objective",
				"Explain what a kept record means.", "estimatedMinutes", 3, "skills", List.of(), "blocks",
				List.of(Map.of("type", "text", "markdown", "Records are kept."),
						Map.of("type", "interaction", "interaction", check)))).getBody());
		assertThat(api.post(author, "/api/v1/lessons/" + lesson + "/publish", null).getStatusCode().value())
			.isEqualTo(200);
		var program = id(api.post(author, "/api/v1/programs", Map.of("title", "Records " + UUID.randomUUID(),
				"outcome", "Learners know their records stay.", "selfEnrol", true, "lessons", List.of(lesson)))
			.getBody());
		assertThat(api.post(token, "/api/v1/programs/" + program + "/enrolment", null).getStatusCode().value())
			.isEqualTo(200);
		var answered = api.post(token, "/api/v1/attempts",
				Map.of("lessonId", lesson, "interactionId", "check", "optionIds", List.of("a")));
		assertThat(answered.getStatusCode().value()).as(answered.getBody()).isEqualTo(201);
		assertThat(answered.getBody()).contains("\"lessonCompleted\":true");
		return program;
	}

	/** The member's learning records as the database keeps them for reports. */
	private Records recordsOf(String email) {
		return jdbc.sql("""
				SELECT (SELECT COUNT(*) FROM enrolments e WHERE e.user_id = u.id),
				       (SELECT COUNT(*) FROM lesson_attempts t WHERE t.user_id = u.id),
				       (SELECT COUNT(*) FROM lesson_attempts t WHERE t.user_id = u.id AND t.completed_at IS NOT NULL),
				       (SELECT COUNT(*)
				        FROM answers a
				        JOIN lesson_attempts t ON t.id = a.attempt_id
				        WHERE t.user_id = u.id)
				FROM users u
				WHERE u.email = :email
				""")
			.param("email", email)
			.query((rs, n) -> new Records(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
			.single();
	}

	private String id(String body) {
		return json.readTree(body).get("id").asString();
	}

	@Test
	void aRemovedMemberLosesTheOrganisationAndTheirTokensThereOnBothNodes() {
		var email = Newcomers.email("removed", "acme.test");
		Newcomers.join(portA, "admin@acme.test", email, "Remy Removed", "LEARNER");
		var browser = Browser.signedIn(portA, email, Newcomers.PASSWORD);
		var token = token(email);
		assertThat(Api.on(portB()).get(token, "/api/v1/me").getStatusCode().value()).isEqualTo(200);
		var member = memberIdOf(email);

		var removed = Browser.signedIn(portB(), "admin@acme.test", "morsel-demo")
			.post("/admin/people/" + member + "/removal", Map.of());

		assertThat(removed.location()).isEqualTo("/admin");
		assertThat(Api.on(portB()).get(token, "/api/v1/me").getStatusCode().value()).isEqualTo(401);
		await(() -> "/sign-in".equals(browser.get("/profile").location()));
		await(() -> Api.on(portA).get(token, "/api/v1/me").getStatusCode().value() == 401);
		var admin = Api.on(portA).token("admin@acme.test", "acme");
		assertThat(Api.on(portA).get(admin, "/api/v1/people/" + member).getStatusCode().value()).isEqualTo(404);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE email = :email").param("email", email)
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void onlyAdminsTakeAccessAwayAndNeverTheirOwnNorAnotherOrganisations() {
		var api = Api.on(portA);
		var admin = api.token("admin@acme.test", "acme");
		var learner = api.token("learner@acme.test", "acme");
		var email = Newcomers.email("kept", "acme.test");
		Newcomers.join(portA, "admin@acme.test", email, "Kim Kept", "LEARNER");
		var foreign = Newcomers.email("foreign", "globex.test");
		Newcomers.join(portA, "admin@globex.test", foreign, "Fay Foreign", "LEARNER");
		var adminId = jdbc.sql("""
				SELECT m.id
				FROM memberships m
				JOIN users u ON u.id = m.user_id
				JOIN organisations o ON o.id = m.organisation_id
				WHERE u.email = 'admin@acme.test' AND o.slug = 'acme'
				""").query(UUID.class).single();

		assertThat(api.post(learner, "/api/v1/people/" + memberIdOf(email) + "/deactivation", null)
			.getStatusCode().value()).isEqualTo(403);
		assertThat(api.post(admin, "/api/v1/people/" + adminId + "/deactivation", null).getStatusCode().value())
			.isEqualTo(409);
		assertThat(api.post(admin, "/api/v1/people/" + memberIdOf(foreign) + "/deactivation", null)
			.getStatusCode().value()).isEqualTo(404);
		assertThat(api.post(admin, "/api/v1/people/" + UUID.randomUUID() + "/deactivation", null)
			.getStatusCode().value()).isEqualTo(404);
		assertThat(api.post(admin, "/api/v1/people/not-an-id/deactivation", null).getStatusCode().value())
			.isEqualTo(400);
		assertThat(Api.on(portA).get(token(email), "/api/v1/me").getStatusCode().value()).isEqualTo(200);
	}

	private String token(String email) {
		var body = Api.on(portA).http().post().uri("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", email, "password", Newcomers.PASSWORD, "organisation", "acme"))
			.retrieve().body(Map.class);
		return (String) body.get("token");
	}

	private UUID memberIdOf(String email) {
		return jdbc.sql("""
				SELECT m.id
				FROM memberships m
				JOIN users u ON u.id = m.user_id
				WHERE u.email = :email
				""").param("email", email).query(UUID.class).single();
	}
}
