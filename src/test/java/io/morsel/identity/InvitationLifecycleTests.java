package io.morsel.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.morsel.MorselIntegrationTest;
import io.morsel.support.Api;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
 * Admins list, resend and revoke invitations, which expire after seven days; inviting an address twice, or a member's,
 * sends nothing new. The mails arrive at the test SMTP server.
 */
@MorselIntegrationTest
class InvitationLifecycleTests {

	private static final String INVALID_LINK = "This invitation has expired, was revoked, was already used, or does not "
			+ "exist.";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	Api api;
	String admin;

	@BeforeEach
	void signIn() {
		api = Api.on(port);
		admin = api.token("admin@acme.test", "acme");
	}

	@Test
	void anInvitationIsListedAndLastsSevenDays() {
		var email = Newcomers.email("listed", "acme.test");

		var invited = api.post(admin, "/api/v1/invitations", Map.of("email", email, "roles", List.of("LEARNER")));

		assertThat(invited.getStatusCode().value()).isEqualTo(201);
		var body = json.readTree(invited.getBody());
		assertThat(Instant.parse(body.get("expiresAt").asString())).isCloseTo(Instant.now().plus(7, ChronoUnit.DAYS),
				within(1, ChronoUnit.MINUTES));
		assertThat(Mailbox.of(email).link("/invitations/")).startsWith("/invitations/");
		var listed = listed(body.get("id").asString());
		assertThat(listed.get("email").asString()).isEqualTo(email);
		assertThat(listed.get("expired").asBoolean()).isFalse();
	}

	@Test
	void invitingAnInvitedAddressOffersAResendAndSendsNothing() {
		var email = Newcomers.email("twice", "acme.test");
		var first = json.readTree(api.post(admin, "/api/v1/invitations",
				Map.of("email", email, "roles", List.of("LEARNER"))).getBody());
		Mailbox.of(email).link("/invitations/");

		var again = api.post(admin, "/api/v1/invitations", Map.of("email", email.toUpperCase(), "roles", List.of("AUTHOR")));
		var onThePage = Browser.signedIn(port, "admin@acme.test", "morsel-demo");
		onThePage.post("/admin/invitations", Map.of("email", email, "roles", List.of("LEARNER")));

		assertThat(again.getStatusCode().value()).isEqualTo(409);
		assertThat(again.getBody()).contains("/api/v1/invitations/" + first.get("id").asString() + "/resend");
		assertThat(onThePage.get("/admin").body()).contains("This address already has an invitation that works");
		assertThat(invitationsTo(email)).isEqualTo(1);
		assertThat(Mailbox.of(email).messages()).hasSize(1);
	}

	@Test
	void invitingAMembersAddressIsRefused() {
		var invited = api.post(admin, "/api/v1/invitations", Map.of("email", "learner@acme.test", "roles",
				List.of("AUTHOR")));

		assertThat(invited.getStatusCode().value()).isEqualTo(409);
		assertThat(invited.getBody()).contains("already belongs to a member");
		assertThat(invitationsTo("learner@acme.test")).isZero();
	}

	@Test
	void aResentInvitationHasANewLinkAndTheOldOneStopsWorking() {
		var email = Newcomers.email("resent", "acme.test");
		var id = json.readTree(api.post(admin, "/api/v1/invitations",
				Map.of("email", email, "roles", List.of("LEARNER"))).getBody()).get("id").asString();
		var first = Mailbox.of(email).link("/invitations/");

		var resent = api.post(admin, "/api/v1/invitations/" + id + "/resend", null);

		assertThat(resent.getStatusCode().value()).isEqualTo(200);
		var second = Mailbox.of(email).linkOtherThan("/invitations/", first);
		assertThat(new Browser(port).get(first).body()).contains(INVALID_LINK);
		var invitee = new Browser(port);
		assertThat(invitee.post(second, Map.of("name", "Rae Resent", "password", Newcomers.PASSWORD, "confirmation",
				Newcomers.PASSWORD)).location()).isEqualTo("/");
		assertThat(invitee.get("/profile").body()).contains("Rae Resent", email);
	}

	@Test
	void aRevokedInvitationsLinkNoLongerWorks() {
		var email = Newcomers.email("revoked", "acme.test");
		var id = json.readTree(api.post(admin, "/api/v1/invitations",
				Map.of("email", email, "roles", List.of("LEARNER"))).getBody()).get("id").asString();
		var link = Mailbox.of(email).link("/invitations/");

		var revoked = api.http().delete().uri("/api/v1/invitations/" + id).header("Authorization", "Bearer " + admin)
			.retrieve().toBodilessEntity();

		assertThat(revoked.getStatusCode().value()).isEqualTo(204);
		assertThat(new Browser(port).get(link).body()).contains(INVALID_LINK);
		assertThat(api.get(admin, "/api/v1/invitations").getBody()).doesNotContain(id);
		assertThat(api.post(admin, "/api/v1/invitations/" + id + "/resend", null).getStatusCode().value())
			.isEqualTo(404);
		assertThat(api.post(admin, "/api/v1/invitations", Map.of("email", email, "roles", List.of("LEARNER")))
			.getStatusCode().value()).isEqualTo(201);
	}

	@Test
	void anExpiredInvitationIsListedAsSuchAndResendingRenewsIt() {
		var email = Newcomers.email("late", "acme.test");
		var id = json.readTree(api.post(admin, "/api/v1/invitations",
				Map.of("email", email, "roles", List.of("LEARNER"))).getBody()).get("id").asString();
		var link = Mailbox.of(email).link("/invitations/");
		// Eight days pass.
		jdbc.sql("UPDATE invitations SET expires_at = :past WHERE id = :id")
			.param("past", OffsetDateTime.now().minusDays(1)).param("id", UUID.fromString(id)).update();

		assertThat(new Browser(port).get(link).body()).contains(INVALID_LINK);
		assertThat(listed(id).get("expired").asBoolean()).isTrue();
		var admins = Browser.signedIn(port, "admin@acme.test", "morsel-demo");
		assertThat(admins.post("/admin/invitations/" + id + "/resend", Map.of()).location()).isEqualTo("/admin");

		assertThat(listed(id).get("expired").asBoolean()).isFalse();
		var renewed = Mailbox.of(email).linkOtherThan("/invitations/", link);
		assertThat(new Browser(port).get(renewed).body()).contains("Join Acme Analytics");
	}

	@Test
	void onlyAdminsSeeOrChangeInvitations() {
		var manager = api.token("manager@acme.test", "acme");
		var globexAdmin = api.token("admin@globex.test", "globex");
		var email = Newcomers.email("guarded", "acme.test");
		var id = json.readTree(api.post(admin, "/api/v1/invitations",
				Map.of("email", email, "roles", List.of("LEARNER"))).getBody()).get("id").asString();

		assertThat(api.get(manager, "/api/v1/invitations").getStatusCode().value()).isEqualTo(403);
		assertThat(api.post(manager, "/api/v1/invitations/" + id + "/resend", null).getStatusCode().value())
			.isEqualTo(403);
		assertThat(api.post(globexAdmin, "/api/v1/invitations/" + id + "/resend", null).getStatusCode().value())
			.isEqualTo(404);
		assertThat(api.get(globexAdmin, "/api/v1/invitations").getBody()).doesNotContain(email);
		assertThat(api.post(admin, "/api/v1/invitations", Map.of("email", "not an address", "roles",
				List.of("LEARNER"))).getStatusCode().value()).isEqualTo(400);
		assertThat(api.post(admin, "/api/v1/invitations", Map.of("email", Newcomers.email("x", "acme.test"), "roles",
				List.of())).getStatusCode().value()).isEqualTo(400);
	}

	private JsonNode listed(String id) {
		return json.readTree(api.get(admin, "/api/v1/invitations").getBody()).valueStream()
			.filter(i -> i.get("id").asString().equals(id)).findFirst().orElseThrow();
	}

	private long invitationsTo(String email) {
		return jdbc.sql("SELECT COUNT(*) FROM invitations WHERE email = :email").param("email", email.toLowerCase())
			.query(Long.class).single();
	}
}
