package io.morsel.learning;

import io.morsel.shared.InvalidValueException;
import org.jspecify.annotations.Nullable;

/**
 * What a client sends with an answer so that sending it again is safe: the same key with the same answer gets the
 * stored feedback. A key belongs to one learner's answer to one interaction (it is stored with that answer), so a
 * fresh one per question shown is enough; the player makes one per question it shows, API clients per answer they
 * send. One to 128 visible ASCII characters, such as a UUID.
 */
public record IdempotencyKey(String value) {

	public IdempotencyKey {
		if (value.isEmpty() || value.length() > 128 || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
			throw new InvalidValueException("learning.refused.idempotency-key-1-128-visible-ascii");
		}
	}

	/**
	 * The key of an {@code Idempotency-Key} header or form field, if one was sent. The header is a structured-field
	 * string (RFC 8941), quoted; a bare value is taken as it is.
	 */
	public static @Nullable IdempotencyKey parse(@Nullable String sent) {
		if (sent == null || sent.isBlank()) {
			return null;
		}
		var value = sent.strip();
		if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
			value = value.substring(1, value.length() - 1);
		}
		return new IdempotencyKey(value);
	}
}
