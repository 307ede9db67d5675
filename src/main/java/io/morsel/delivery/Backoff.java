package io.morsel.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * When a message to a channel that failed is tried again: after {@code first}, doubling each time up to {@code most},
 * and given up on (a dead letter) after {@code attempts} tries. A receiver that answers 429 with {@code Retry-After}
 * (RFC 9110, 10.2.3: seconds or an HTTP date) is taken at its word, within the same ceiling.
 */
record Backoff(Duration first, Duration most, int attempts) {

	Backoff {
		if (first.isNegative() || first.isZero() || most.compareTo(first) < 0 || attempts < 1) {
			throw new IllegalStateException("A backoff starts above zero, ends above its start and tries at least once");
		}
	}

	/** How long to wait after the attempt with this number (1 for the first) failed. */
	Duration after(int attempt) {
		var doublings = Math.min(Math.max(attempt - 1, 0), 30);
		var wait = first.multipliedBy(1L << doublings);
		return wait.compareTo(most) > 0 ? most : wait;
	}

	/** Whether the attempt with this number was the last. */
	boolean givesUpAfter(int attempt) {
		return attempt >= attempts;
	}

	/** How long a {@code Retry-After} value asks to wait from now; empty when it says nothing usable. */
	Optional<Duration> retryAfter(@Nullable String value, Instant now) {
		if (value == null || value.isBlank()) {
			return Optional.empty();
		}
		var trimmed = value.strip();
		Duration wait;
		if (trimmed.chars().allMatch(Character::isDigit)) {
			if (trimmed.length() > 9) {
				return Optional.of(most);
			}
			wait = Duration.ofSeconds(Long.parseLong(trimmed));
		}
		else {
			try {
				var at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
				wait = at.isBefore(now) ? Duration.ZERO : Duration.between(now, at);
			}
			catch (DateTimeParseException notADate) {
				return Optional.empty();
			}
		}
		return Optional.of(wait.compareTo(most) > 0 ? most : wait);
	}
}
