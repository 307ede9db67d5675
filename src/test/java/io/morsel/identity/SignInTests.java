package io.morsel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import io.morsel.support.Api;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Form sign-in through the real security chain, CSRF protection of every form, and sign-out. */
@MorselIntegrationTest
class SignInTests {

	@LocalServerPort
	int port;

	@Test
	void signsEachRoleInAtItsHome() {
		assertThat(homeOf("learner@acme.test")).isEqualTo("/today");
		assertThat(homeOf("author@acme.test")).isEqualTo("/studio");
		assertThat(homeOf("manager@acme.test")).isEqualTo("/team");
		assertThat(homeOf("admin@acme.test")).isEqualTo("/admin");
	}

	@Test
	void signedInSessionShowsThePersonsPages() {
		var browser = new Browser(port);

		var signedIn = browser.signIn("author@globex.test", "morsel-demo");
		var profile = browser.get("/profile");

		assertThat(signedIn.location()).isEqualTo("/");
		assertThat(profile.status()).isEqualTo(200);
		assertThat(profile.body()).contains("author@globex.test", "Fatima Haddad");
	}

	@Test
	void refusesWrongPassword() {
		var email = Newcomers.email("wrong-password", "acme.test");
		Newcomers.join(port, "admin@acme.test", email, "Wanda Wrong", "LEARNER");
		var browser = new Browser(port);

		var refused = browser.signIn(email, "not the password");

		assertThat(refused.location()).isEqualTo("/sign-in?error=credentials");
		assertThat(browser.get(refused.location()).body()).contains("That email and password do not match an account.");
		assertThat(browser.get("/profile").location()).isEqualTo("/sign-in");
	}

	@Test
	void answersUnknownEmailLikeAWrongPassword() {
		var browser = new Browser(port);

		var refused = browser.signIn(Newcomers.email("nobody", "acme.test"), "morsel-demo");

		assertThat(refused.location()).isEqualTo("/sign-in?error=credentials");
		assertThat(browser.get("/profile").location()).isEqualTo("/sign-in");
	}

	@Test
	void refusesFormsPostedWithoutCsrfToken() {
		var anonymous = new Browser(port);
		var forgotten = Newcomers.email("forged-reset", "acme.test");
		assertThat(anonymous.postWithoutCsrf("/sign-in", Map.of("email", "learner@acme.test", "password", "morsel-demo"))
			.status()).isEqualTo(403);
		assertThat(anonymous.get("/profile").location()).isEqualTo("/sign-in");
		assertThat(anonymous.postWithoutCsrf("/password/forgot", Map.of("email", forgotten)).status()).isEqualTo(403);
		assertThat(Mailbox.of(forgotten).messages()).isEmpty();

		var learner = Browser.signedIn(port, "learner@globex.test", "morsel-demo");
		assertThat(learner.postWithoutCsrf("/profile",
				Map.of("name", "Forged", "timeZone", "UTC", "language", "en")).status()).isEqualTo(403);
		assertThat(learner.postWithoutCsrf("/tokens", Map.of("name", "forged")).status()).isEqualTo(403);
		assertThat(learner.postWithoutCsrf("/sign-out", Map.of()).status()).isEqualTo(403);
		var profile = learner.get("/profile");
		assertThat(profile.status()).isEqualTo(200);
		assertThat(profile.body()).contains("Eli Novak").doesNotContain("Forged");
		assertThat(learner.get("/tokens").body()).doesNotContain("forged");
	}

	@Test
	void signOutEndsTheSession() {
		var browser = Browser.signedIn(port, "manager@acme.test", "morsel-demo");
		var session = browser.sessionCookie();
		assertThat(Browser.withSessionCookie(port, session).get("/team").status()).isEqualTo(200);

		var signedOut = browser.post("/sign-out", Map.of());

		assertThat(signedOut.location()).isEqualTo("/sign-in?signed-out");
		assertThat(browser.get(signedOut.location()).body()).contains("You have signed out.");
		assertThat(browser.get("/team").location()).isEqualTo("/sign-in");
		assertThat(Browser.withSessionCookie(port, session).get("/team").location()).isEqualTo("/sign-in");
	}

	@Test
	void sessionCookieDoesNotAuthenticateTheApi() {
		var browser = Browser.signedIn(port, "learner@acme.test", "morsel-demo");

		var people = Api.on(port)
			.http()
			.get()
			.uri("/api/v1/people")
			.header("Cookie", "MORSEL_SESSION=" + browser.sessionCookie())
			.retrieve()
			.toBodilessEntity();

		assertThat(people.getStatusCode().value()).isEqualTo(401);
	}

	private String homeOf(String email) {
		var browser = Browser.signedIn(port, email, "morsel-demo");
		var home = browser.get("/");
		assertThat(browser.get(home.location()).status()).isEqualTo(200);
		return home.location();
	}
}
