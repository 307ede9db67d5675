package io.morsel.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Passwords are hashed by a bounded number of threads of their own: a sign-in beyond those waiting is refused at once
 * with a Retry-After, never queued for as long as the hashes before it take; hashing inside a transaction, which
 * would hold a database connection meanwhile, is refused.
 */
class PasswordHashingTests {

	@Test
	void hashesAndChecksWithBcrypt() {
		var hashing = new PasswordHashing(1, 4, Duration.ofSeconds(2));
		try {
			var hash = hashing.encode("correct horse battery");

			assertThat(hash).startsWith("{bcrypt}$2a$10$");
			assertThat(hashing.matches("correct horse battery", hash)).isTrue();
			assertThat(hashing.matches("wrong horse battery", hash)).isFalse();
		}
		finally {
			hashing.destroy();
		}
	}

	@Test
	void aSignInBeyondThoseWaitingIsRefusedAtOnceWithRetryAfter() throws Exception {
		var hashing = new PasswordHashing(new Held(), 1, 1, Duration.ofSeconds(3));
		var threads = Executors.newVirtualThreadPerTaskExecutor();
		try {
			var hashed = threads.submit(() -> hashing.matches("first", "hash"));
			assertThat(Held.started.await(30, TimeUnit.SECONDS)).isTrue();
			var waiting = threads.submit(() -> hashing.matches("second", "hash"));
			var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (Held.queued(hashing) == 0 && System.nanoTime() < deadline) {
				Thread.sleep(5);
			}

			assertThatThrownBy(() -> hashing.matches("third", "hash")).isInstanceOfSatisfying(PasswordHashing.Busy.class,
					busy -> {
						assertThat(busy.getStatusCode().value()).isEqualTo(503);
						assertThat(busy.retryAfter()).isEqualTo("3");
						assertThat(busy.getMessage()).contains("Many people are signing in");
					});

			Held.release.countDown();
			assertThat(hashed.get(30, TimeUnit.SECONDS)).isTrue();
			assertThat(waiting.get(30, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			Held.release.countDown();
			threads.shutdownNow();
			hashing.destroy();
		}
	}

	@Test
	void refusesToHashInsideATransaction() {
		var hashing = new PasswordHashing(1, 4, Duration.ofSeconds(2));
		TransactionSynchronizationManager.setActualTransactionActive(true);
		try {
			assertThatThrownBy(() -> hashing.encode("correct horse battery")).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("inside a transaction");
		}
		finally {
			TransactionSynchronizationManager.setActualTransactionActive(false);
			hashing.destroy();
		}
	}

	/** An encoder whose checks wait until the test lets them finish, so that the hasher stays taken meanwhile. */
	private static final class Held implements PasswordEncoder {

		static final CountDownLatch started = new CountDownLatch(1);
		static final CountDownLatch release = new CountDownLatch(1);

		static int queued(PasswordHashing hashing) {
			return hashing.waiting();
		}

		@Override
		public @Nullable String encode(@Nullable CharSequence password) {
			return "hash";
		}

		@Override
		public boolean matches(@Nullable CharSequence password, @Nullable String hash) {
			started.countDown();
			try {
				return release.await(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
	}
}
