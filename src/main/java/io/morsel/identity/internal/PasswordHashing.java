package io.morsel.identity.internal;

import io.morsel.shared.ProblemException;
import io.morsel.shared.ProblemTypes;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Hashes and checks passwords (bcrypt through Spring Security's delegating encoder) on {@code morsel.passwords.hashers}
 * platform threads of their own, with at most {@code morsel.passwords.waiting} more waiting (ADR 0046).
 * <p>
 * A hash takes about a tenth of a second of a core. Computed on the request's virtual thread, it would keep one of the
 * node's carrier threads (one per core, never preempted) from every other request for that long; a burst of sign-ins
 * would keep them all, while requests holding the pool's database connections wait for a carrier to go on. On a
 * platform thread the operating system shares the cores between hashing and the carriers, and the waiting request's
 * virtual thread holds nothing. A sign-in that finds the queue full is refused at once ({@link Busy}, 503 with
 * {@code Retry-After}), rather than waiting for as long as the hashes before it take.
 * <p>
 * Callers hash outside any transaction, so that no database connection is held meanwhile; {@link #matches} and
 * {@link #encode} refuse to run inside one.
 */
@Component
public class PasswordHashing implements PasswordEncoder, DisposableBean {

	private final PasswordEncoder encoder;
	private final ThreadPoolExecutor hashers;
	private final String retryAfter;

	@Autowired
	PasswordHashing(@Value("${morsel.passwords.hashers}") int hashers, @Value("${morsel.passwords.waiting}") int waiting,
			@Value("${morsel.requests.retry-after}") Duration retryAfter) {
		this(PasswordEncoderFactories.createDelegatingPasswordEncoder(), hashers, waiting, retryAfter);
	}

	PasswordHashing(PasswordEncoder encoder, int hashers, int waiting, Duration retryAfter) {
		this.encoder = encoder;
		if (hashers < 1 || waiting < 1) {
			throw new IllegalStateException("morsel.passwords.hashers and .waiting must be at least 1");
		}
		this.hashers = new ThreadPoolExecutor(hashers, hashers, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(waiting),
				Thread.ofPlatform().name("password-hashing-", 1).daemon().factory());
		this.retryAfter = Long.toString(Math.max(1, retryAfter.toSeconds()));
	}

	@Override
	public @Nullable String encode(@Nullable CharSequence password) {
		return hashed(() -> encoder.encode(password));
	}

	@Override
	public boolean matches(@Nullable CharSequence password, @Nullable String hash) {
		return hashed(() -> encoder.matches(password, hash));
	}

	@Override
	public boolean upgradeEncoding(@Nullable String hash) {
		return encoder.upgradeEncoding(hash);
	}

	private <T> T hashed(Callable<T> work) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("A password is hashed inside a transaction, holding a database connection "
					+ "for as long as the hash takes: hash it before the transaction begins");
		}
		var hash = submit(work);
		try {
			return hash.get();
		}
		catch (InterruptedException stopped) {
			hash.cancel(true);
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while a password was hashed", stopped);
		}
		catch (ExecutionException failed) {
			if (failed.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw new IllegalStateException(failed.getCause());
		}
	}

	private <T> java.util.concurrent.Future<T> submit(Callable<T> work) {
		try {
			return hashers.submit(work);
		}
		catch (RejectedExecutionException full) {
			throw new Busy(retryAfter);
		}
	}

	/** How many hashes wait for a hasher now. */
	int waiting() {
		return hashers.getQueue().size();
	}

	@Override
	public void destroy() {
		hashers.shutdownNow();
	}

	/** More sign-ins (or password changes) than the node hashes for are waiting: try again in a moment. */
	public static final class Busy extends ProblemException {

		Busy(String retryAfter) {
			super(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.BUSY, "problem.title.busy", "sign-in.error.busy");
			getHeaders().set(HttpHeaders.RETRY_AFTER, retryAfter);
		}

		/** Seconds to wait before trying again. */
		public String retryAfter() {
			return getHeaders().getFirst(HttpHeaders.RETRY_AFTER);
		}
	}
}
