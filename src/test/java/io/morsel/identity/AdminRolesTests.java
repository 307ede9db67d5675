package io.morsel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An admin changes the roles of their organisation's members, never their own admin role, and never anyone's in
 * another organisation. The members whose roles change are the tests' own.
 */
@MorselIntegrationTest
class AdminRolesTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void adminChangesAMembersRoles() {
		var email = Newcomers.email("promoted", "acme.test");
		Newcomers.join(port, "admin@acme.test", email, "Paul Promoted", "LEARNER");
		var admin = Browser.signedIn(port, "admin@acme.test", "morsel-demo");

		var saved = admin.post("/admin/people/" + memberIdOf(email, "acme") + "/roles",
				Map.of("roles", List.of("AUTHOR", "MANAGER")));

		assertThat(saved.location()).isEqualTo("/admin");
		assertThat(admin.get("/admin").body()).contains("Roles saved.");
		assertThat(rolesOf(email, "acme")).containsExactlyInAnyOrder("AUTHOR", "MANAGER");
		var member = Browser.signedIn(port, email, Newcomers.PASSWORD);
		assertThat(member.get("/").location()).isEqualTo("/team");
		assertThat(member.get("/studio").status()).isEqualTo(200);
		assertThat(member.get("/today").status()).isEqualTo(403);
	}

	@Test
	void adminCannotRemoveTheirOwnAdminRole() {
		var email = Newcomers.email("second-admin", "acme.test");
		Newcomers.join(port, "admin@acme.test", email, "Ada Admin", "ADMIN");
		var admin = Browser.signedIn(port, email, Newcomers.PASSWORD);

		var refused = admin.post("/admin/people/" + memberIdOf(email, "acme") + "/roles",
				Map.of("roles", List.of("LEARNER")));

		assertThat(refused.location()).isEqualTo("/admin");
		assertThat(admin.get("/admin").body()).contains("You cannot remove your own admin role.");
		assertThat(rolesOf(email, "acme")).containsExactly("ADMIN");
	}

	@Test
	void refusesToLeaveAMemberWithoutRoles() {
		var email = Newcomers.email("roleless", "acme.test");
		Newcomers.join(port, "admin@acme.test", email, "Rory Roleless", "LEARNER");
		var admin = Browser.signedIn(port, "admin@acme.test", "morsel-demo");

		var refused = admin.post("/admin/people/" + memberIdOf(email, "acme") + "/roles", Map.of());

		assertThat(refused.location()).isEqualTo("/admin");
		assertThat(admin.get("/admin").body()).contains("A member needs at least one role.");
		assertThat(rolesOf(email, "acme")).containsExactly("LEARNER");
	}

	@Test
	void anotherOrganisationsMemberIsNotFound() {
		var email = Newcomers.email("foreign", "globex.test");
		Newcomers.join(port, "admin@globex.test", email, "Fran Foreign", "LEARNER");
		var admin = Browser.signedIn(port, "admin@acme.test", "morsel-demo");

		var foreign = admin.post("/admin/people/" + memberIdOf(email, "globex") + "/roles",
				Map.of("roles", List.of("ADMIN")));
		var missing = admin.post("/admin/people/" + UUID.randomUUID() + "/roles", Map.of("roles", List.of("ADMIN")));

		assertThat(foreign.status()).isEqualTo(404);
		assertThat(missing.status()).isEqualTo(404);
		assertThat(rolesOf(email, "globex")).containsExactly("LEARNER");
	}

	@Test
	void onlyAdminsChangeRoles() {
		var email = Newcomers.email("ambitious", "acme.test");
		Newcomers.join(port, "admin@acme.test", email, "Amy Ambitious", "LEARNER", "MANAGER");
		var manager = Browser.signedIn(port, email, Newcomers.PASSWORD);

		var refused = manager.post("/admin/people/" + memberIdOf(email, "acme") + "/roles",
				Map.of("roles", List.of("ADMIN")));

		assertThat(refused.status()).isEqualTo(403);
		assertThat(rolesOf(email, "acme")).containsExactlyInAnyOrder("LEARNER", "MANAGER");
	}

	private UUID memberIdOf(String email, String organisation) {
		return jdbc.sql("""
				SELECT m.id
				FROM memberships m
				JOIN users u ON u.id = m.user_id
				JOIN organisations o ON o.id = m.organisation_id
				WHERE u.email = :email
				  AND o.slug = :organisation
				""")
			.param("email", email)
			.param("organisation", organisation)
			.query(UUID.class)
			.single();
	}

	private List<String> rolesOf(String email, String organisation) {
		return jdbc.sql("""
				SELECT r.role
				FROM membership_roles r
				WHERE r.membership_id = :member
				""")
			.param("member", memberIdOf(email, organisation))
			.query(String.class)
			.list();
	}
}
