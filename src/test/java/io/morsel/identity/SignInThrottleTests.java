package io.morsel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import io.morsel.identity.internal.SignInThrottle;
import io.morsel.support.Api;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Too many failed sign-ins lock the account name, known or not, for the page and the API alike. Every test locks
 * an account of its own: a lock lasts fifteen minutes in the database all tests share.
 */
@MorselIntegrationTest
class SignInThrottleTests {

	@LocalServerPort
	int port;

	@Test
	void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne() {
		var email = newcomer("locked");
		var browser = new Browser(port);

		for (int attempt = 1; attempt < SignInThrottle.MAX_FAILURES; attempt++) {
			assertThat(browser.signIn(email, "wrong password " + attempt).location())
				.isEqualTo("/sign-in?error=credentials");
		}
		var locked = browser.signIn(email, "wrong password 5");

		assertThat(locked.location()).isEqualTo("/sign-in?error=locked");
		assertThat(browser.get(locked.location()).body()).contains("Too many failed attempts", "try again in 15 minutes");
		assertThat(browser.signIn(email, Newcomers.PASSWORD).location()).isEqualTo("/sign-in?error=locked");
		assertThat(browser.get("/profile").location()).isEqualTo("/sign-in");
	}

	@Test
	void countsUnknownEmailsTheSameWay() {
		var unknown = Newcomers.email("nobody", "acme.test");
		var browser = new Browser(port);

		for (int attempt = 1; attempt < SignInThrottle.MAX_FAILURES; attempt++) {
			assertThat(browser.signIn(unknown, "guess " + attempt).location()).isEqualTo("/sign-in?error=credentials");
		}

		assertThat(browser.signIn(unknown.toUpperCase(Locale.ROOT), "guess 5").location())
			.isEqualTo("/sign-in?error=locked");
		assertThat(browser.signIn(unknown, "guess 6").location()).isEqualTo("/sign-in?error=locked");
	}

	@Test
	void passwordResetLiftsTheLock() {
		var email = newcomer("unlocked");
		var browser = new Browser(port);
		for (int attempt = 1; attempt <= SignInThrottle.MAX_FAILURES; attempt++) {
			browser.signIn(email, "wrong password " + attempt);
		}
		assertThat(browser.signIn(email, Newcomers.PASSWORD).location()).isEqualTo("/sign-in?error=locked");

		browser.post("/password/forgot", Map.of("email", email));
		var reset = browser.post(Mailbox.of(email).link("/password/reset/"),
				Map.of("password", "a brand new secret", "confirmation", "a brand new secret"));

		assertThat(reset.location()).isEqualTo("/sign-in?reset");
		assertThat(browser.signIn(email, "a brand new secret").location()).isEqualTo("/");
	}

	@Test
	void apiRefusesWrongPasswordsThenLocksWithTooManyAttempts() {
		var email = newcomer("api-locked");

		for (int attempt = 1; attempt < SignInThrottle.MAX_FAILURES; attempt++) {
			var refused = createToken(email, "wrong password " + attempt);
			assertThat(refused.getStatusCode().value()).isEqualTo(401);
			assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(refused.getBody()).containsEntry("type", "/problems/invalid-credentials")
				.containsEntry("status", 401);
		}
		var locked = createToken(email, "wrong password 5");
		var rightButLocked = createToken(email, Newcomers.PASSWORD);

		assertThat(locked.getStatusCode().value()).isEqualTo(429);
		assertThat(locked.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(locked.getBody()).containsEntry("type", "/problems/too-many-attempts").containsEntry("status", 429);
		assertThat(rightButLocked.getStatusCode().value()).isEqualTo(429);
		assertThat(rightButLocked.getBody()).containsEntry("type", "/problems/too-many-attempts")
			.doesNotContainKey("token");
		assertThat(new Browser(port).signIn(email, Newcomers.PASSWORD).location()).isEqualTo("/sign-in?error=locked");
	}

	private String newcomer(String who) {
		var email = Newcomers.email(who, "acme.test");
		Newcomers.join(port, "admin@acme.test", email, "Lou Locke", "LEARNER");
		return email;
	}

	private ResponseEntity<Map<String, Object>> createToken(String email, String password) {
		return Api.on(port)
			.http()
			.post()
			.uri("/api/v1/tokens")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", email, "password", password, "organisation", "acme"))
			.retrieve()
			.toEntity(new ParameterizedTypeReference<>() {
			});
	}
}
