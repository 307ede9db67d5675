package io.morsel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.morsel.MorselIntegrationTest;
import io.morsel.identity.internal.SigningKeys;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sessions are signed cookies (ADR 0004): what a forged, ended or stale cookie gets, and what changes reach one. */
@MorselIntegrationTest
class SignedSessionTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SigningKeys keys;

	@Test
	void aForgedOrAlteredCookieSignsNobodyIn() throws Exception {
		var learner = Browser.signedIn(port, "learner@acme.test", "morsel-demo");
		var genuine = SignedJWT.parse(learner.sessionCookie());
		var admin = jdbc.sql("SELECT id FROM users WHERE email = 'admin@acme.test'").query(UUID.class).single();

		var otherSubject = new JWTClaimsSet.Builder(genuine.getJWTClaimsSet()).subject(admin.toString()).build();
		var forged = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), otherSubject);
		forged.sign(new MACSigner(new byte[32]));
		var parts = learner.sessionCookie().split("\\.");
		var reSigned = parts[0] + "." + forged.serialize().split("\\.")[1] + "." + parts[2];

		for (var cookie : List.of(forged.serialize(), reSigned, learner.sessionCookie() + "x", "not-a-jwt")) {
			assertThat(Browser.withSessionCookie(port, cookie).get("/admin").location()).isEqualTo("/sign-in");
		}
		assertThat(learner.get("/today").status()).isEqualTo(200);
	}

	@Test
	void aCookieIsCheckedAgainstItsSessionOnceTheRecheckIntervalHasPassed() throws Exception {
		var email = Newcomers.email("stale", "acme.test");
		Newcomers.join(port, "admin@acme.test", email, "Sam Stale", "LEARNER");
		var browser = Browser.signedIn(port, email, Newcomers.PASSWORD);
		var claims = SignedJWT.parse(browser.sessionCookie()).getJWTClaimsSet();

		// The same session, last checked two minutes ago: checked now, and a freshly signed cookie comes back.
		var stale = sign(new JWTClaimsSet.Builder(claims).issueTime(Date.from(Instant.now().minusSeconds(120))).build());
		var checked = Browser.withSessionCookie(port, stale);
		assertThat(checked.get("/today").status()).isEqualTo(200);
		assertThat(checked.cookies("MORSEL_SESSION")).anySatisfy(cookie -> assertThat(
				SignedJWT.parse(cookie).getJWTClaimsSet().getIssueTime().toInstant())
			.isAfter(Instant.now().minusSeconds(30)));

		// Its row gone (signed out on another node), the stale cookie no longer signs anyone in.
		jdbc.sql("DELETE FROM web_sessions WHERE id = :id").param("id", UUID.fromString(claims.getJWTID())).update();
		var refused = Browser.withSessionCookie(port, stale);
		assertThat(refused.get("/today").location()).isEqualTo("/sign-in");
	}

	@Test
	void aPasswordChangeSignsOutTheOtherDevicesAtOnce() {
		var email = Newcomers.email("devices", "acme.test");
		Newcomers.join(port, "admin@acme.test", email, "Dev Ices", "LEARNER");
		var phone = Browser.signedIn(port, email, Newcomers.PASSWORD);
		var laptop = Browser.signedIn(port, email, Newcomers.PASSWORD);

		var changed = laptop.post("/profile/password", Map.of("currentPassword", Newcomers.PASSWORD, "newPassword",
				"a brand new passphrase", "confirmation", "a brand new passphrase"));

		assertThat(changed.location()).isEqualTo("/profile");
		assertThat(laptop.get("/profile").status()).isEqualTo(200);
		assertThat(phone.get("/profile").location()).isEqualTo("/sign-in");
	}

	@Test
	void rolesAnAdminChangesApplyToASessionAlreadyOpen() {
		var email = Newcomers.email("promoted-live", "acme.test");
		Newcomers.join(port, "admin@acme.test", email, "Liv Promoted", "LEARNER");
		var member = Browser.signedIn(port, email, Newcomers.PASSWORD);
		assertThat(member.get("/studio").status()).isEqualTo(403);
		var memberId = jdbc.sql("""
				SELECT m.id
				FROM memberships m
				JOIN users u ON u.id = m.user_id
				WHERE u.email = :email
				""").param("email", email).query(UUID.class).single();

		var admin = Browser.signedIn(port, "admin@acme.test", "morsel-demo");
		admin.post("/admin/people/" + memberId + "/roles", Map.of("roles", List.of("LEARNER", "AUTHOR")));

		assertThat(member.get("/studio").status()).isEqualTo(200);
	}

	@Test
	void noServerSideHttpSessionIsEverMade() {
		var email = Newcomers.email("stateless", "acme.test");
		Newcomers.join(port, "admin@acme.test", email, "Stella Less", "LEARNER");
		var browser = new Browser(port);
		assertThat(browser.get("/today").location()).isEqualTo("/sign-in");
		assertThat(browser.signIn(email, Newcomers.PASSWORD).location()).isEqualTo("/today");

		browser.post("/profile", Map.of("name", "Stella Less", "timeZone", "UTC", "language", "en"));
		assertThat(browser.get("/profile").body()).contains("Your profile has been saved.");
		browser.post("/sign-out", Map.of());

		assertThat(browser.cookieNames()).doesNotContain("JSESSIONID");
	}

	@Test
	void aRefusedSignInMakesNoHttpSessionEither() {
		var email = Newcomers.email("refused", "acme.test");
		Newcomers.join(port, "admin@acme.test", email, "Rufus Fused", "LEARNER");
		var browser = new Browser(port);

		assertThat(browser.signIn(email, "not-the-password").location()).isEqualTo("/sign-in?error=credentials");
		assertThat(browser.get("/sign-in?error=credentials").body()).contains("name=\"password\"");

		assertThat(browser.cookieNames()).doesNotContain("JSESSIONID");
	}

	private String sign(JWTClaimsSet claims) throws Exception {
		var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
		jwt.sign(new MACSigner(keys.key("session-cookie")));
		return jwt.serialize();
	}
}
