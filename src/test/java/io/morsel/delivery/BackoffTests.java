package io.morsel.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A failing channel is tried again later and later, up to a ceiling, and a receiver's Retry-After is heeded. */
class BackoffTests {

	private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1), 8);

	private final Instant now = Instant.parse("2026-11-30T10:00:00Z");

	@Test
	void waitsDoubleAfterEachFailedAttemptUpToTheCeiling() {
		assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(30));
		assertThat(backoff.after(2)).isEqualTo(Duration.ofMinutes(1));
		assertThat(backoff.after(3)).isEqualTo(Duration.ofMinutes(2));
		assertThat(backoff.after(8)).isEqualTo(Duration.ofHours(1));
		assertThat(backoff.after(1_000)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void givesUpAfterTheLastAttempt() {
		assertThat(backoff.givesUpAfter(7)).isFalse();
		assertThat(backoff.givesUpAfter(8)).isTrue();
	}

	@Test
	void retryAfterInSecondsOrAsAnHttpDate() {
		assertThat(backoff.retryAfter("120", now)).contains(Duration.ofSeconds(120));
		assertThat(backoff.retryAfter("Mon, 30 Nov 2026 10:05:00 GMT", now)).contains(Duration.ofMinutes(5));
		assertThat(backoff.retryAfter("Mon, 30 Nov 2026 09:00:00 GMT", now)).contains(Duration.ZERO);
	}

	@Test
	void aRetryAfterBeyondTheCeilingOrUnreadableIsNotTakenAtItsWord() {
		assertThat(backoff.retryAfter("86400", now)).contains(Duration.ofHours(1));
		assertThat(backoff.retryAfter("99999999999999", now)).contains(Duration.ofHours(1));
		assertThat(backoff.retryAfter("soon", now)).isEmpty();
		assertThat(backoff.retryAfter("-5", now)).isEmpty();
		assertThat(backoff.retryAfter(null, now)).isEmpty();
	}
}
