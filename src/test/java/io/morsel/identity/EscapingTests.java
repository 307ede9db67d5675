package io.morsel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Text people type may be HTML-significant where it is allowed; pages show it escaped, never as markup. */
@MorselIntegrationTest
class EscapingTests {

	private static final String NAME = "Tom & \"Jerry\" O'Neil";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void showsANameWithAmpersandAndQuotesEscaped() {
		var email = Newcomers.email("tom", "acme.test");
		Newcomers.join(port, "admin@acme.test", email, NAME, "LEARNER");
		var tom = Browser.signedIn(port, email, Newcomers.PASSWORD);
		var admin = Browser.signedIn(port, "admin@acme.test", "morsel-demo");

		var pages = List.of(admin.get("/people").body(), tom.get("/people/" + memberIdOf(email)).body(),
				tom.get("/profile").body(), admin.get("/admin?q=" + email).body());

		assertThat(pages).allSatisfy(html -> assertThat(html).contains("Tom &amp; &quot;Jerry&quot;")
			.doesNotContain("Tom & ")
			.doesNotContain("\"Jerry\""));
		assertThat(tom.get("/profile").body()).contains("value=\"Tom &amp; &quot;Jerry&quot; O");
	}

	private UUID memberIdOf(String email) {
		return jdbc.sql("""
				SELECT m.id
				FROM memberships m
				JOIN users u ON u.id = m.user_id
				WHERE u.email = :email
				""")
			.param("email", email)
			.query(UUID.class)
			.single();
	}
}
