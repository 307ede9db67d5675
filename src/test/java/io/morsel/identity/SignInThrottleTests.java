package io.morsel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import io.morsel.identity.internal.Throttles;
import java.security.SecureRandom;
import java.util.HexFormat;
import io.morsel.support.Api;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Too many failed sign-ins lock the account name, known or not, for the page and the API alike, except against a
 * browser that signed in as it before; too many from one client address, across accounts, make that address wait.
 * Every test locks an account and uses addresses of its own: a lock lasts fifteen minutes in the database all tests
 * share.
 */
@MorselIntegrationTest
class SignInThrottleTests {

	private static final SecureRandom RANDOM = new SecureRandom();

	@LocalServerPort
	int port;

	@Autowired
	Throttles throttles;

	int maxFailures;

	@BeforeEach
	void limits() {
		maxFailures = throttles.signIn().accountFailures();
	}

	@Test
	void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne() {
		var email = newcomer("locked");
		var browser = new Browser(port);

		for (int attempt = 1; attempt < maxFailures; attempt++) {
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

		for (int attempt = 1; attempt < maxFailures; attempt++) {
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
		for (int attempt = 1; attempt <= maxFailures; attempt++) {
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

		for (int attempt = 1; attempt < maxFailures; attempt++) {
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

	@Test
	void oneAddressGuessingManyAccountsIsMadeToWait() {
		var attacker = Browser.at(port, address());
		var limit = throttles.signIn().addressFailures();
		var victim = newcomer("guessed");

		for (int account = 1; account < limit; account++) {
			var guess = attacker.signIn(Newcomers.email("guess-" + account, "acme.test"), "password123");
			assertThat(guess.status()).isEqualTo(302);
			assertThat(guess.location()).isEqualTo("/sign-in?error=credentials");
		}
		var throttled = attacker.signIn(Newcomers.email("guess-" + limit, "acme.test"), "password123");
		var evenTheRightPassword = attacker.signIn(victim, Newcomers.PASSWORD);
		var api = createToken(victim, Newcomers.PASSWORD, attacker);

		assertThat(throttled.status()).isEqualTo(429);
		assertThat(throttled.body()).contains("Too many failed sign-ins from your network. Try again in 15 minutes.");
		assertThat(evenTheRightPassword.status()).isEqualTo(429);
		assertThat(attacker.get("/profile").location()).isEqualTo("/sign-in");
		assertThat(api.getStatusCode().value()).isEqualTo(429);
		assertThat(api.getBody()).containsEntry("type", "/problems/too-many-attempts").doesNotContainKey("token");
		assertThat(Browser.at(port, address()).signIn(victim, Newcomers.PASSWORD).location()).isEqualTo("/");
	}

	@Test
	void failuresCountPerAccountAcrossAddresses() {
		var email = newcomer("spread");

		for (int attempt = 1; attempt < maxFailures; attempt++) {
			assertThat(Browser.at(port, address()).signIn(email, "wrong password " + attempt).location())
				.isEqualTo("/sign-in?error=credentials");
		}

		assertThat(Browser.at(port, address()).signIn(email, "wrong password").location())
			.isEqualTo("/sign-in?error=locked");
		assertThat(Browser.at(port, address()).signIn(email, Newcomers.PASSWORD).location())
			.isEqualTo("/sign-in?error=locked");
	}

	@Test
	void aBrowserThatSignedInBeforeStillSignsInWhileTheAccountIsLocked() {
		var email = newcomer("trusted");
		var own = Browser.at(port, address());
		assertThat(own.signIn(email, Newcomers.PASSWORD).location()).isEqualTo("/");
		own.post("/sign-out", Map.of());
		var attacker = Browser.at(port, address());
		for (int attempt = 1; attempt <= maxFailures; attempt++) {
			attacker.signIn(email, "wrong password " + attempt);
		}

		var stranger = Browser.at(port, address()).signIn(email, Newcomers.PASSWORD);
		var trusted = own.signIn(email, Newcomers.PASSWORD);

		assertThat(stranger.location()).isEqualTo("/sign-in?error=locked");
		assertThat(new Browser(port).get(stranger.location()).body())
			.contains("Sign-in for this account is paused on browsers it has not signed in from before");
		assertThat(trusted.location()).isEqualTo("/");
		assertThat(own.get("/profile").status()).isEqualTo(200);
		assertThat(attacker.signIn(email, Newcomers.PASSWORD).location()).isEqualTo("/sign-in?error=locked");
	}

	@Test
	void aTrustedBrowserFailingTooOftenIsAStrangerAgain() {
		var email = newcomer("mistyped");
		var own = Browser.at(port, address());
		own.signIn(email, Newcomers.PASSWORD);
		own.post("/sign-out", Map.of());
		var attacker = Browser.at(port, address());
		for (int attempt = 1; attempt <= maxFailures; attempt++) {
			attacker.signIn(email, "wrong password " + attempt);
		}

		for (int attempt = 1; attempt < throttles.signIn().deviceFailures(); attempt++) {
			assertThat(own.signIn(email, "typo " + attempt).location()).isEqualTo("/sign-in?error=credentials");
		}
		var lastTypo = own.signIn(email, "one typo too many");

		assertThat(own.cookies("MORSEL_DEVICE")).hasSize(1);
		assertThat(lastTypo.location()).isEqualTo("/sign-in?error=locked");
		assertThat(own.signIn(email, Newcomers.PASSWORD).location()).isEqualTo("/sign-in?error=locked");
	}

	@Test
	void aTrustedBrowsersTyposDoNotLockTheAccountForOthers() {
		var email = newcomer("typist");
		var own = Browser.at(port, address());
		own.signIn(email, Newcomers.PASSWORD);
		own.post("/sign-out", Map.of());

		for (int attempt = 1; attempt <= maxFailures; attempt++) {
			own.signIn(email, "typo " + attempt);
		}

		assertThat(Browser.at(port, address()).signIn(email, Newcomers.PASSWORD).location()).isEqualTo("/");
	}

	/** A client address of a test's own (IPv6 documentation prefix). */
	private static String address() {
		var bytes = new byte[6];
		RANDOM.nextBytes(bytes);
		var hex = HexFormat.of().formatHex(bytes);
		return "2001:db8:" + hex.substring(0, 4) + ":" + hex.substring(4, 8) + ":" + hex.substring(8) + "::1";
	}

	private String newcomer(String who) {
		var email = Newcomers.email(who, "acme.test");
		Newcomers.join(port, "admin@acme.test", email, "Lou Locke", "LEARNER");
		return email;
	}

	private ResponseEntity<Map<String, Object>> createToken(String email, String password) {
		return createToken(email, password, null);
	}

	private ResponseEntity<Map<String, Object>> createToken(String email, String password, @Nullable Browser from) {
		return Api.on(port)
			.http()
			.post()
			.uri("/api/v1/tokens")
			.headers(headers -> {
				if (from != null) {
					headers.set("X-Forwarded-For", from.address());
				}
			})
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", email, "password", password, "organisation", "acme"))
			.retrieve()
			.toEntity(new ParameterizedTypeReference<>() {
			});
	}
}
