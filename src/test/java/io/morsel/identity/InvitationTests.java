package io.morsel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import io.morsel.support.Api;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Admins invite by email; the link makes a newcomer's account, or lets an existing user join with their password. */
@MorselIntegrationTest
class InvitationTests {

	private static final String INVALID_LINK = "This invitation has expired, was revoked, was already used, or does not exist.";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void newcomerJoinsWithTheInvitedRole() {
		var email = Newcomers.email("newcomer", "acme.test");
		var admin = Browser.signedIn(port, "admin@acme.test", "morsel-demo");

		var invited = admin.post("/admin/invitations", Map.of("email", email, "roles", List.of("AUTHOR")));
		var mail = Mailbox.of(email);
		var link = mail.link("/invitations/");
		var invitee = new Browser(port);
		var page = invitee.get(link);
		var joined = invitee.post(link, Map.of("name", "Nora Newcomer", "password", Newcomers.PASSWORD, "confirmation",
				Newcomers.PASSWORD, "timeZone", "Europe/Berlin"));

		assertThat(invited.location()).isEqualTo("/admin");
		assertThat(admin.get("/admin").body()).contains("Invitation sent.");
		assertThat(mail.messages()).hasSize(1);
		assertThat(Mailbox.subject(mail.messages().getFirst())).isEqualTo("You are invited to Acme Analytics on Morsel");
		assertThat(Mailbox.body(mail.messages().getFirst())).contains("Dev Patel invites you to learn with Acme Analytics");
		assertThat(page.body()).contains("Join Acme Analytics", "You have been invited to Acme Analytics as Author.",
				"Choose your name and a password for " + email);
		assertThat(joined.location()).isEqualTo("/");
		assertThat(invitee.get("/").location()).as("signed in by accepting").isEqualTo("/studio");

		var signedIn = new Browser(port);
		assertThat(signedIn.signIn(email, Newcomers.PASSWORD).location()).isEqualTo("/");
		assertThat(signedIn.get("/").location()).isEqualTo("/studio");
		assertThat(signedIn.get("/today").status()).isEqualTo(403);
		assertThat(signedIn.get("/profile").body()).contains("<option value=\"Europe/Berlin\" selected=\"selected\"");
		assertThat(people("admin@acme.test", "acme")).anySatisfy(person -> {
			assertThat(person).containsEntry("email", email).containsEntry("name", "Nora Newcomer");
			assertThat(person.get("roles")).isEqualTo(List.of("AUTHOR"));
		});
		assertThat(people("admin@globex.test", "globex")).noneSatisfy(
				person -> assertThat(person).containsEntry("email", email));
	}

	@Test
	void existingUserJoinsWithTheirPassword() {
		var email = Newcomers.email("two-hats", "globex.test");
		Newcomers.join(port, "admin@globex.test", email, "Theo Twohats", "LEARNER");
		Browser.signedIn(port, "admin@acme.test", "morsel-demo")
			.post("/admin/invitations", Map.of("email", email, "roles", List.of("AUTHOR")));
		var link = Mailbox.of(email).link("/invitations/");
		var invitee = new Browser(port);

		var page = invitee.get(link);
		var wrong = invitee.post(link, Map.of("password", "not my password"));

		assertThat(page.body()).contains("You already have a Morsel account for " + email)
			.doesNotContain("name=\"confirmation\"");
		assertThat(wrong.status()).isEqualTo(200);
		assertThat(wrong.body()).contains("That is not the current password.");
		assertThat(organisationsOf(email)).containsExactly("globex");

		var joined = invitee.post(link, Map.of("password", Newcomers.PASSWORD));

		assertThat(joined.location()).isEqualTo("/");
		assertThat(invitee.get("/").location()).as("signed in to the inviting organisation").isEqualTo("/studio");
		assertThat(organisationsOf(email)).containsExactlyInAnyOrder("acme", "globex");
		var signedIn = Browser.signedIn(port, email, Newcomers.PASSWORD);
		var home = signedIn.open("/");
		assertThat(home.body()).contains("id=\"organisation-switch\"", "Acme Analytics", "Globex Partners");
		assertThat(people("admin@acme.test", "acme")).anySatisfy(person -> {
			assertThat(person).containsEntry("email", email).containsEntry("name", "Theo Twohats");
			assertThat(person.get("roles")).isEqualTo(List.of("AUTHOR"));
		});
	}

	@Test
	void onlyAdminsInvite() {
		var email = Newcomers.email("uninvited", "acme.test");

		var refused = Browser.signedIn(port, "manager@acme.test", "morsel-demo")
			.post("/admin/invitations", Map.of("email", email, "roles", List.of("ADMIN")));

		assertThat(refused.status()).isEqualTo(403);
		assertThat(Mailbox.of(email).messages()).isEmpty();
		assertThat(invitationsTo(email)).isZero();
	}

	@Test
	void linkWorksOnlyOnce() {
		var email = Newcomers.email("once", "acme.test");
		Browser.signedIn(port, "admin@acme.test", "morsel-demo")
			.post("/admin/invitations", Map.of("email", email, "roles", List.of("LEARNER")));
		var link = Mailbox.of(email).link("/invitations/");
		new Browser(port).post(link, Map.of("name", "Olga Once", "password", Newcomers.PASSWORD, "confirmation",
				Newcomers.PASSWORD));

		var reopened = new Browser(port).get(link);
		var reused = new Browser(port).post(link,
				Map.of("name", "Mallory", "password", "a takeover attempt", "confirmation", "a takeover attempt"));

		assertThat(reopened.body()).contains(INVALID_LINK).doesNotContain("name=\"password\"");
		assertThat(reused.status()).isEqualTo(200);
		assertThat(reused.body()).contains(INVALID_LINK);
		assertThat(new Browser(port).signIn(email, "a takeover attempt").location()).isEqualTo("/sign-in?error=credentials");
		assertThat(new Browser(port).signIn(email, Newcomers.PASSWORD).location()).isEqualTo("/");
		assertThat(people("admin@acme.test", "acme")).filteredOn(person -> email.equals(person.get("email")))
			.singleElement()
			.satisfies(person -> assertThat(person).containsEntry("name", "Olga Once"));
	}

	@Test
	void rejectsInvitationWithoutValidEmailOrRoles() {
		var admin = Browser.signedIn(port, "admin@acme.test", "morsel-demo");
		var email = Newcomers.email("roleless", "acme.test");

		var badEmail = admin.post("/admin/invitations", Map.of("email", "not-an-email", "roles", List.of("LEARNER")));
		var noRoles = admin.post("/admin/invitations", Map.of("email", email, "_roles", "on"));

		assertThat(badEmail.status()).isEqualTo(200);
		assertThat(badEmail.body()).contains("must be an email address");
		assertThat(invitationsTo("not-an-email")).isZero();
		assertThat(noRoles.status()).isEqualTo(200);
		assertThat(noRoles.body()).contains("choose at least one");
		assertThat(invitationsTo(email)).isZero();
		assertThat(Mailbox.of(email).messages()).isEmpty();
	}

	@Test
	void rejectsMarkupInTheNewcomersName() {
		var email = Newcomers.email("scripted", "acme.test");
		Browser.signedIn(port, "admin@acme.test", "morsel-demo")
			.post("/admin/invitations", Map.of("email", email, "roles", List.of("LEARNER")));
		var link = Mailbox.of(email).link("/invitations/");

		var refused = new Browser(port).post(link, Map.of("name", "<script>alert(1)</script>", "password",
				Newcomers.PASSWORD, "confirmation", Newcomers.PASSWORD));

		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("must be plain text").doesNotContain("<script>alert(1)</script>");
		assertThat(usersWith(email)).isZero();
		assertThat(new Browser(port).get(link).body()).doesNotContain(INVALID_LINK);
	}

	@Test
	void rejectsShortOrMismatchedNewPassword() {
		var email = Newcomers.email("careless", "acme.test");
		Browser.signedIn(port, "admin@acme.test", "morsel-demo")
			.post("/admin/invitations", Map.of("email", email, "roles", List.of("LEARNER")));
		var link = Mailbox.of(email).link("/invitations/");

		var tooShort = new Browser(port).post(link, Map.of("name", "Cara", "password", "short", "confirmation", "short"));
		var mismatched = new Browser(port).post(link,
				Map.of("name", "Cara", "password", Newcomers.PASSWORD, "confirmation", "something else"));

		assertThat(tooShort.body()).contains("Use at least 10 characters.");
		assertThat(mismatched.body()).contains("The two passwords differ.");
		assertThat(usersWith(email)).isZero();
	}

	private List<Map<String, Object>> people(String admin, String organisation) {
		var api = Api.on(port);
		return api.http()
			.get()
			.uri("/api/v1/people")
			.header("Authorization", "Bearer " + api.token(admin, organisation))
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			});
	}

	private List<String> organisationsOf(String email) {
		return jdbc.sql("""
				SELECT o.slug
				FROM memberships m
				JOIN organisations o ON o.id = m.organisation_id
				JOIN users u ON u.id = m.user_id
				WHERE u.email = :email
				""")
			.param("email", email)
			.query(String.class)
			.list();
	}

	private long invitationsTo(String email) {
		return jdbc.sql("SELECT COUNT(*) FROM invitations WHERE email = :email")
			.param("email", email)
			.query(Long.class)
			.single();
	}

	private long usersWith(String email) {
		return jdbc.sql("SELECT COUNT(*) FROM users WHERE email = :email")
			.param("email", email)
			.query(Long.class)
			.single();
	}
}
