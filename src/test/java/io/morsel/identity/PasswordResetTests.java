package io.morsel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import io.morsel.identity.internal.Throttles;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "Forgot your password?": a one-time link by email, then a new password. Mails leave after the request's commit, on
 * another thread, within limits per account and per client address.
 */
@MorselIntegrationTest
class PasswordResetTests {

	private static final String NEW_PASSWORD = "a brand new secret";

	private static final String INVALID_LINK = "This link has expired or was already used. Ask for a new one.";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Throttles throttles;

	@Test
	void mailsALinkThatSetsANewPassword() {
		var email = newcomer("reset");
		var browser = new Browser(port);

		var requested = browser.post("/password/forgot", Map.of("email", email));
		var mail = Mailbox.of(email);
		var link = mail.link("/password/reset/");
		var form = browser.get(link);
		var reset = browser.post(link, Map.of("password", NEW_PASSWORD, "confirmation", NEW_PASSWORD));

		assertThat(requested.location()).isEqualTo("/password/forgot?sent");
		assertThat(browser.get(requested.location()).body())
			.contains("If an account exists for that email, a link is on its way.");
		assertThat(mail.messages()).extracting(Mailbox::subject)
			.containsExactly("You are invited to Globex Partners on Morsel", "Reset your Morsel password");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).contains("name=\"password\"", "name=\"confirmation\"").doesNotContain(INVALID_LINK);
		assertThat(reset.location()).isEqualTo("/sign-in?reset");
		assertThat(new Browser(port).signIn(email, NEW_PASSWORD).location()).isEqualTo("/");
		assertThat(new Browser(port).signIn(email, Newcomers.PASSWORD).location()).isEqualTo("/sign-in?error=credentials");
	}

	@Test
	void mismatchedConfirmationChangesNothing() {
		var email = newcomer("mismatch");
		var browser = new Browser(port);
		browser.post("/password/forgot", Map.of("email", email));
		var link = Mailbox.of(email).link("/password/reset/");

		var mismatched = browser.post(link, Map.of("password", NEW_PASSWORD, "confirmation", "something else"));

		assertThat(mismatched.status()).isEqualTo(200);
		assertThat(mismatched.body()).contains("The two passwords differ.");
		assertThat(new Browser(port).signIn(email, NEW_PASSWORD).location()).isEqualTo("/sign-in?error=credentials");
		assertThat(new Browser(port).signIn(email, Newcomers.PASSWORD).location()).isEqualTo("/");
		assertThat(browser.get(link).body()).doesNotContain(INVALID_LINK);
	}

	@Test
	void linkWorksOnlyOnce() {
		var email = newcomer("once");
		var browser = new Browser(port);
		browser.post("/password/forgot", Map.of("email", email));
		var link = Mailbox.of(email).link("/password/reset/");
		browser.post(link, Map.of("password", NEW_PASSWORD, "confirmation", NEW_PASSWORD));

		var reopened = browser.get(link);
		var reused = browser.post(link, Map.of("password", "yet another secret", "confirmation", "yet another secret"));

		assertThat(reopened.status()).isEqualTo(200);
		assertThat(reopened.body()).contains(INVALID_LINK).doesNotContain("name=\"confirmation\"");
		assertThat(reused.status()).isEqualTo(200);
		assertThat(reused.body()).contains(INVALID_LINK);
		assertThat(new Browser(port).signIn(email, "yet another secret").location()).isEqualTo("/sign-in?error=credentials");
		assertThat(new Browser(port).signIn(email, NEW_PASSWORD).location()).isEqualTo("/");
	}

	@Test
	void resetSpendsEveryOtherLinkOfTheAccount() {
		var email = newcomer("twice-asked");
		var browser = new Browser(port);
		browser.post("/password/forgot", Map.of("email", email));
		var earlier = Mailbox.of(email).link("/password/reset/");
		browser.post("/password/forgot", Map.of("email", email));
		var later = Mailbox.of(email).linkOtherThan("/password/reset/", earlier);

		browser.post(later, Map.of("password", NEW_PASSWORD, "confirmation", NEW_PASSWORD));
		var reused = browser.post(earlier, Map.of("password", "yet another secret", "confirmation", "yet another secret"));

		assertThat(earlier).isNotEqualTo(later);
		assertThat(browser.get(earlier).body()).contains(INVALID_LINK);
		assertThat(reused.body()).contains(INVALID_LINK);
		assertThat(new Browser(port).signIn(email, NEW_PASSWORD).location()).isEqualTo("/");
	}

	@Test
	void unknownEmailGetsTheSameAnswerAndNoMail() {
		var unknown = Newcomers.email("nobody", "acme.test");
		var known = newcomer("known");
		var browser = new Browser(port);

		var requested = browser.post("/password/forgot", Map.of("email", unknown));
		var requestedKnown = browser.post("/password/forgot", Map.of("email", known));
		awaitSending(unknown);
		awaitSending(known);

		assertThat(requested).isEqualTo(requestedKnown);
		assertThat(requested.location()).isEqualTo("/password/forgot?sent");
		assertThat(Mailbox.of(unknown).messages()).isEmpty();
		assertThat(resetMails(known)).isEqualTo(1);
	}

	@Test
	void fifteenRequestsForOneAccountSendAtMostItsLimit() {
		var email = newcomer("flooded");

		for (int request = 1; request <= 15; request++) {
			var requested = Browser.at(port, "198.51.100." + request).post("/password/forgot", Map.of("email", email));
			assertThat(requested.location()).isEqualTo("/password/forgot?sent");
		}
		awaitSending(email);

		assertThat(resetMails(email)).isEqualTo(throttles.passwordReset().perAccount());
	}

	@Test
	void oneAddressAskingTooOftenGetsTheSameAnswerAndNoMoreMail() {
		var address = "203.0.113." + (1 + ThreadLocalRandom.current().nextInt(250));
		var from = Browser.at(port, address);
		for (int request = 1; request <= throttles.passwordReset().perAddress(); request++) {
			from.post("/password/forgot", Map.of("email", Newcomers.email("stranger-" + request, "globex.test")));
		}
		awaitSending(address);
		var email = newcomer("behind-a-busy-address");

		var requested = from.post("/password/forgot", Map.of("email", email));
		awaitSending(email);

		assertThat(requested.location()).isEqualTo("/password/forgot?sent");
		assertThat(resetMails(email)).isZero();
		assertThat(new Browser(port).post("/password/forgot", Map.of("email", email)).location())
			.isEqualTo("/password/forgot?sent");
		Mailbox.of(email).link("/password/reset/");
	}

	@Test
	void refusesExpiredLink() {
		var email = newcomer("expired");
		var browser = new Browser(port);
		browser.post("/password/forgot", Map.of("email", email));
		var link = Mailbox.of(email).link("/password/reset/");
		jdbc.sql("""
				UPDATE password_resets
				SET expires_at = :past
				WHERE user_id = (SELECT id FROM users WHERE email = :email)
				""")
			.param("past", Instant.now().minus(1, ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC))
			.param("email", email)
			.update();

		var opened = browser.get(link);
		var used = browser.post(link, Map.of("password", NEW_PASSWORD, "confirmation", NEW_PASSWORD));

		assertThat(opened.body()).contains(INVALID_LINK).doesNotContain("name=\"confirmation\"");
		assertThat(used.status()).isEqualTo(200);
		assertThat(used.body()).contains(INVALID_LINK);
		assertThat(new Browser(port).signIn(email, NEW_PASSWORD).location()).isEqualTo("/sign-in?error=credentials");
		assertThat(new Browser(port).signIn(email, Newcomers.PASSWORD).location()).isEqualTo("/");
	}

	@Test
	void refusesUnknownLink() {
		var opened = new Browser(port).get("/password/reset/not-a-secret-anyone-was-sent");

		assertThat(opened.status()).isEqualTo(200);
		assertThat(opened.body()).contains(INVALID_LINK);
	}

	/** Waits until every request naming this email or address has been handled (mailed or not). */
	private void awaitSending(String mention) {
		var deadline = Instant.now().plusSeconds(20);
		while (Instant.now().isBefore(deadline)) {
			var outstanding = jdbc.sql("""
					SELECT COUNT(*)
					FROM event_publication
					WHERE serialized_event LIKE :mention
					  AND completion_date IS NULL
					""")
				.param("mention", "%\"" + mention + "\"%")
				.query(Integer.class)
				.single();
			if (outstanding == 0) {
				return;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
		throw new AssertionError("Reset requests naming " + mention + " still outstanding");
	}

	private static long resetMails(String email) {
		return Mailbox.of(email).messages().stream()
			.filter(message -> Mailbox.subject(message).equals("Reset your Morsel password"))
			.count();
	}

	private String newcomer(String who) {
		var email = Newcomers.email(who, "globex.test");
		Newcomers.join(port, "admin@globex.test", email, "Rhea Reset", "LEARNER");
		return email;
	}
}
