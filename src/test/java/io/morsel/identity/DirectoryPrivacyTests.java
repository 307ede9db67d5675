package io.morsel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import io.morsel.support.Api;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who sees whom, through the API and the pages: admins everyone with emails; a manager the people of the groups they
 * manage, and no one else (not found, like a missing person); learners nothing, unless the organisation opened names,
 * and then names only. The people are the test's own, in a group of its own.
 */
@MorselIntegrationTest
class DirectoryPrivacyTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	Api api;
	String admin;
	String managerEmail;
	String insiderEmail;
	String outsiderEmail;
	String manager;
	String insider;
	UUID insiderId;
	UUID outsiderId;
	UUID foreignId;

	@BeforeEach
	void aManagerWithOneGroup() {
		api = Api.on(port);
		admin = api.token("admin@acme.test", "acme");
		managerEmail = Newcomers.email("lead", "acme.test");
		insiderEmail = Newcomers.email("insider", "acme.test");
		outsiderEmail = Newcomers.email("outsider", "acme.test");
		Newcomers.join(port, "admin@acme.test", managerEmail, "Mara Lead", "MANAGER");
		Newcomers.join(port, "admin@acme.test", insiderEmail, "Ines Insider", "LEARNER");
		Newcomers.join(port, "admin@acme.test", outsiderEmail, "Otto Outsider", "LEARNER");
		insiderId = memberIdOf(insiderEmail);
		outsiderId = memberIdOf(outsiderEmail);
		foreignId = jdbc.sql("""
				SELECT m.id
				FROM memberships m
				JOIN users u ON u.id = m.user_id
				WHERE u.email = 'learner@globex.test'
				""").query(UUID.class).single();
		var group = "Team " + UUID.randomUUID().toString().substring(0, 8);
		var browser = Browser.signedIn(port, "admin@acme.test", "morsel-demo");
		browser.post("/admin/groups", Map.of("name", group));
		var groupId = jdbc.sql("SELECT id FROM member_groups WHERE name = :name").param("name", group)
			.query(UUID.class).single();
		browser.post("/admin/groups/" + groupId + "/members", Map.of("members", List.of(insiderId)));
		assertThat(browser.post("/admin/groups/" + groupId + "/managers",
				Map.of("managers", List.of(memberIdOf(managerEmail)))).location()).isEqualTo("/admin#groups");
		manager = token(managerEmail);
		insider = token(insiderEmail);
	}

	@Test
	void adminsSeeEveryoneWithEmails() {
		var people = api.get(admin, "/api/v1/people");

		assertThat(people.getStatusCode().value()).isEqualTo(200);
		assertThat(people.getBody()).contains(managerEmail, insiderEmail, outsiderEmail).doesNotContain("learner@globex.test");
		assertThat(status(admin, "/api/v1/people/" + outsiderId)).isEqualTo(200);
		assertThat(status(admin, "/api/v1/people/" + foreignId)).isEqualTo(404);
	}

	@Test
	void aManagerSeesThePeopleOfTheirGroupsAndFindsNoOneElse() {
		var people = api.get(manager, "/api/v1/people");

		assertThat(people.getStatusCode().value()).isEqualTo(200);
		assertThat(emails(people.getBody())).containsExactlyInAnyOrder(managerEmail, insiderEmail);
		assertThat(api.get(manager, "/api/v1/people/" + insiderId).getBody()).contains(insiderEmail);
		var outsider = api.get(manager, "/api/v1/people/" + outsiderId);
		var missing = api.get(manager, "/api/v1/people/" + UUID.randomUUID());
		assertThat(outsider.getStatusCode().value()).isEqualTo(404);
		assertThat(missing.getStatusCode().value()).isEqualTo(404);
		assertThat(json.readTree(outsider.getBody()).get("detail"))
			.isEqualTo(json.readTree(missing.getBody()).get("detail"));
		assertThat(status(manager, "/api/v1/people/" + foreignId)).isEqualTo(404);
	}

	@Test
	void learnersSeeNoDirectoryButThemselves() {
		var people = api.get(insider, "/api/v1/people");

		assertThat(people.getStatusCode().value()).isEqualTo(403);
		assertThat(people.getBody()).doesNotContain(outsiderEmail, "Otto Outsider");
		assertThat(api.get(insider, "/api/v1/people/" + insiderId).getBody()).contains(insiderEmail);
		assertThat(status(insider, "/api/v1/people/" + outsiderId)).isEqualTo(404);
		assertThat(status(insider, "/api/v1/people/" + memberIdOf(managerEmail))).isEqualTo(404);
	}

	@Test
	void anOrganisationThatOpensNamesShowsLearnersNamesButNeverEmails() {
		try {
			assertThat(api.put(admin, "/api/v1/organisation/directory", Map.of("namesOpen", true)).getStatusCode()
				.value()).isEqualTo(200);

			var people = api.get(insider, "/api/v1/people");
			var outsider = api.get(insider, "/api/v1/people/" + outsiderId);
			var managersView = api.get(manager, "/api/v1/people");

			assertThat(people.getStatusCode().value()).isEqualTo(200);
			assertThat(people.getBody()).contains("Otto Outsider", "Mara Lead", "Ada Lindqvist")
				.doesNotContain(outsiderEmail, managerEmail, "learner@acme.test", "learner@globex.test");
			assertThat(emails(people.getBody())).containsExactly(insiderEmail);
			assertThat(outsider.getBody()).contains("Otto Outsider").doesNotContain(outsiderEmail);
			assertThat(managersView.getBody()).contains("Otto Outsider", insiderEmail).doesNotContain(outsiderEmail);
		}
		finally {
			api.put(admin, "/api/v1/organisation/directory", Map.of("namesOpen", false));
		}
	}

	@Test
	void onlyAdminsOpenTheDirectoryOrSeeItsSetting() {
		assertThat(api.put(manager, "/api/v1/organisation/directory", Map.of("namesOpen", true)).getStatusCode().value())
			.isEqualTo(403);
		assertThat(api.put(insider, "/api/v1/organisation/directory", Map.of("namesOpen", true)).getStatusCode().value())
			.isEqualTo(403);
		assertThat(status(manager, "/api/v1/organisation/directory")).isEqualTo(403);
		assertThat(api.get(admin, "/api/v1/organisation/directory").getBody()).contains("\"namesOpen\":false");
		assertThat(api.put(admin, "/api/v1/organisation/directory", Map.of("namesOpen", "perhaps")).getStatusCode()
			.value()).isEqualTo(400);
		assertThat(api.put(admin, "/api/v1/organisation/directory", Map.of()).getStatusCode().value()).isEqualTo(400);
	}

	@Test
	void thePeoplePagesFollowTheSameRules() {
		var lead = Browser.signedIn(port, managerEmail, Newcomers.PASSWORD);
		var learner = Browser.signedIn(port, insiderEmail, Newcomers.PASSWORD);

		assertThat(lead.get("/people").body()).contains("Ines Insider", insiderEmail).doesNotContain("Otto Outsider");
		assertThat(lead.get("/people/" + outsiderId).status()).isEqualTo(404);
		assertThat(learner.get("/people").status()).isEqualTo(403);
		assertThat(learner.get("/people/" + outsiderId).status()).isEqualTo(404);
		assertThat(learner.get("/people/" + insiderId).body()).contains(insiderEmail);
		try {
			Browser.signedIn(port, "admin@acme.test", "morsel-demo").post("/admin/directory", Map.of("namesOpen", "true"));

			assertThat(learner.get("/people").body()).contains("Otto Outsider").doesNotContain(outsiderEmail);
			assertThat(learner.get("/people/" + outsiderId).body()).contains("Otto Outsider")
				.doesNotContain(outsiderEmail);
		}
		finally {
			Browser.signedIn(port, "admin@acme.test", "morsel-demo").post("/admin/directory", Map.of());
		}
		assertThat(learner.get("/people").status()).isEqualTo(403);
	}

	private List<String> emails(String body) {
		return json.readTree(body).valueStream().filter(p -> !p.get("email").isNull())
			.map(p -> p.get("email").asString()).toList();
	}

	private int status(String token, String path) {
		return api.get(token, path).getStatusCode().value();
	}

	private String token(String email) {
		var body = api.http().post().uri("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
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
