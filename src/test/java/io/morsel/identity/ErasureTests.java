package io.morsel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import io.morsel.support.Api;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * An admin erases a person on request: afterwards no table holds their name or email, they can neither sign in nor use
 * a token, and what they learnt is still there under a pseudonym.
 */
@MorselIntegrationTest
class ErasureTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Test
	void anErasedPersonsNameAndEmailRemainNowhereButWhatTheyLearntStays() {
		var email = Newcomers.email("forget-me", "acme.test");
		var name = "Fenna Forgetme " + UUID.randomUUID().toString().substring(0, 6);
		Newcomers.join(port, "admin@acme.test", email, name, "LEARNER");
		var api = Api.on(port);
		var token = (String) api.http().post().uri("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", email, "password", Newcomers.PASSWORD, "organisation", "acme"))
			.retrieve().body(Map.class).get("token");
		var program = json.readTree(api.get(token, "/api/v1/programs").getBody()).valueStream()
			.filter(p -> p.path("selfEnrol").asBoolean(false)).findFirst().orElseThrow();
		api.post(token, "/api/v1/programs/" + program.get("id").asString() + "/enrolment", null);
		new Browser(port).signIn(email, "a wrong password");
		var admin = api.token("admin@acme.test", "acme");
		var member = memberIdOf(email);

		var erased = api.post(admin, "/api/v1/people/" + member + "/erasure", null);

		assertThat(erased.getStatusCode().value()).isEqualTo(200);
		var pseudonym = json.readTree(erased.getBody()).get("name").asString();
		assertThat(pseudonym).startsWith("Erased person ");
		assertThat(tablesHolding(email)).isEmpty();
		assertThat(tablesHolding(name)).isEmpty();
		assertThat(api.get(token, "/api/v1/me").getStatusCode().value()).isEqualTo(401);
		assertThat(new Browser(port).signIn(email, Newcomers.PASSWORD).location()).isEqualTo("/sign-in?error=credentials");
		var person = api.get(admin, "/api/v1/people/" + member).getBody();
		assertThat(person).contains(pseudonym).doesNotContain(email, name);
		assertThat(Browser.signedIn(port, "admin@acme.test", "morsel-demo")
			.get("/admin?q=" + java.net.URLEncoder.encode(pseudonym, java.nio.charset.StandardCharsets.UTF_8))
			.body()).contains(pseudonym)
			.doesNotContain(email, name);
		assertThat(jdbc.sql("""
				SELECT COUNT(*)
				FROM enrolments e
				JOIN users u ON u.id = e.user_id
				WHERE u.name = :pseudonym
				""").param("pseudonym", pseudonym).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aPersonOfAnotherOrganisationTooIsNotErasedByOne() {
		var email = Newcomers.email("two-homes", "acme.test");
		Newcomers.join(port, "admin@acme.test", email, "Tia Twohomes", "LEARNER");
		Newcomers.join(port, "admin@globex.test", email, "Tia Twohomes", "LEARNER");
		var api = Api.on(port);

		var refused = api.post(api.token("admin@acme.test", "acme"), "/api/v1/people/" + memberIdOf(email, "acme")
				+ "/erasure", null);

		assertThat(refused.getStatusCode().value()).isEqualTo(409);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE email = :email").param("email", email).query(Long.class)
			.single()).isEqualTo(1);
		assertThat(api.post(api.token("learner@acme.test", "acme"), "/api/v1/people/" + memberIdOf(email, "acme")
				+ "/erasure", null).getStatusCode().value()).isEqualTo(403);
	}

	/** Every table with a text column that holds the value anywhere. */
	private java.util.List<String> tablesHolding(String value) {
		var columns = jdbc.sql("""
				SELECT table_name, column_name
				FROM information_schema.columns
				WHERE table_schema = CURRENT_SCHEMA
				  AND data_type IN ('character varying', 'text', 'CHARACTER VARYING', 'CHARACTER LARGE OBJECT')
				""").query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).list();
		var holding = new ArrayList<String>();
		for (var column : columns) {
			var found = jdbc.sql("SELECT COUNT(*) FROM " + column[0] + " WHERE POSITION(:value IN " + column[1] + ") > 0")
				.param("value", value).query(Long.class).single();
			if (found > 0) {
				holding.add(column[0] + "." + column[1]);
			}
		}
		return holding;
	}

	private UUID memberIdOf(String email) {
		return memberIdOf(email, "acme");
	}

	private UUID memberIdOf(String email, String organisation) {
		return jdbc.sql("""
				SELECT m.id
				FROM memberships m
				JOIN users u ON u.id = m.user_id
				JOIN organisations o ON o.id = m.organisation_id
				WHERE u.email = :email
				  AND o.slug = :organisation
				""").param("email", email).param("organisation", organisation).query(UUID.class).single();
	}
}
