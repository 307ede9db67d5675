package io.morsel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import io.morsel.identity.internal.PasswordHashing;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Many people signing in at once, on PostgreSQL over real HTTP: each is either signed in or shown the form again with
 * "try again in a few seconds" (503), never an error or the page saying the database cannot be reached; and a member
 * already signed in keeps getting their pages meanwhile, since the burst does not take the pool's connections.
 */
@MorselIntegrationTest
class SignInBurstTests {

	private static final int SIGN_INS = 60;

	@LocalServerPort
	int port;

	@Autowired
	PasswordHashing hashing;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void aBurstOfSignInsIsSignedInOrAskedToRetryWhileOthersKeepTheirPages() throws Exception {
		var member = Browser.signedIn(port, "learner@acme.test", "morsel-demo");
		var burstOver = new AtomicBoolean();
		var threads = Executors.newVirtualThreadPerTaskExecutor();
		try {
			var pages = threads.submit(() -> {
				var statuses = new ArrayList<Integer>();
				do {
					var page = member.get("/today");
					statuses.add(page.status());
				}
				while (!burstOver.get() || statuses.size() < 3);
				return statuses;
			});
			var signIns = new ArrayList<Future<Browser.Page>>();
			for (int n = 0; n < SIGN_INS; n++) {
				Callable<Browser.Page> signIn = () -> new Browser(port).signIn("learner@acme.test", "morsel-demo");
				signIns.add(threads.submit(signIn));
			}
			var signedIn = 0;
			for (var future : signIns) {
				var answer = future.get(5, TimeUnit.MINUTES);
				if (answer.status() == 302) {
					assertThat(answer.location()).isEqualTo("/");
					signedIn++;
				}
				else {
					assertThat(answer.status()).isEqualTo(503);
					// Refused by the password hashers or, had it waited its turn too long, by the node's admission.
					assertThat(answer.body()).contains("Many people are", "try again in a few seconds")
						.doesNotContain("cannot reach its database");
				}
			}
			burstOver.set(true);

			assertThat(signedIn).isPositive();
			assertThat(pages.get(5, TimeUnit.MINUTES)).containsOnly(200);
		}
		finally {
			burstOver.set(true);
			threads.shutdownNow();
		}
	}

	@Test
	void aRefusedSignInMayBeSentAgain() {
		var browser = new Browser(port);
		var answer = browser.signIn("learner@acme.test", "morsel-demo");
		for (int tries = 1; answer.status() == 503 && tries < 20; tries++) {
			answer = browser.signIn("learner@acme.test", "morsel-demo");
		}

		assertThat(answer.location()).isEqualTo("/");
		assertThat(browser.get("/today").status()).isEqualTo(200);
	}

	@Test
	void noPasswordIsHashedWhileATransactionHoldsAConnection() {
		var refused = transaction.execute(status -> {
			try {
				hashing.encode("correct horse battery");
				return false;
			}
			catch (IllegalStateException expected) {
				return true;
			}
		});

		assertThat(refused).isTrue();
	}
}
