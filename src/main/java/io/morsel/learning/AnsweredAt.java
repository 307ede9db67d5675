package io.morsel.learning;

import io.morsel.shared.InvalidValueException;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * When an answer was given, as its device says: an answer given offline is sent later, with the time it was given, and
 * stored at that time (for the learner's day, their streak and the spacing of reviews). Trusted within sane bounds: a
 * device clock a little ahead is taken as now, a time further ahead is refused, and so is one older than
 * {@link #OLDEST}, which no queue of a device in use holds.
 */
public final class AnsweredAt {

	/** The oldest answer time taken. */
	public static final Duration OLDEST = Duration.ofDays(7);

	/** How far ahead of the server a device clock may be. */
	static final Duration AHEAD = Duration.ofMinutes(2);

	private AnsweredAt() {
	}

	/**
	 * The time an answer was given, from milliseconds since the epoch as a form sends them; nothing when none was sent.
	 * @throws InvalidValueException when it is not a number, in the future, or older than {@link #OLDEST}
	 */
	public static @Nullable Instant parse(@Nullable String sent, Instant now) {
		if (sent == null || sent.isBlank()) {
			return null;
		}
		long millis;
		try {
			millis = Long.parseLong(sent.strip());
		}
		catch (NumberFormatException e) {
			throw new InvalidValueException("learning.refused.answeredat-time-answer-was-given-milliseconds");
		}
		return of(Instant.ofEpochMilli(millis), now);
	}

	/**
	 * The time an answer was given, within bounds.
	 * @throws InvalidValueException when it is in the future or older than {@link #OLDEST}
	 */
	public static Instant of(Instant sent, Instant now) {
		if (sent.isAfter(now.plus(AHEAD))) {
			throw new InvalidValueException("learning.refused.answer-cannot-have-been-given-future");
		}
		if (sent.isBefore(now.minus(OLDEST))) {
			throw new InvalidValueException("learning.refused.answer-given-more-than-days-ago", OLDEST.toDays());
		}
		return sent.isAfter(now) ? now : sent;
	}
}
