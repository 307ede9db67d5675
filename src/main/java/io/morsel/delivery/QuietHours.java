package io.morsel.delivery;

import io.morsel.shared.InvalidValueException;
import java.time.LocalTime;

/**
 * Hours of the learner's wall clock when nothing is sent, from {@code start} up to {@code end}; when the end comes
 * before the start the quiet hours run across midnight (21:00–07:00).
 */
public record QuietHours(LocalTime start, LocalTime end) {

	public QuietHours {
		if (start == null || end == null) {
			throw new InvalidValueException("delivery.refused.quiet-hours-need-start-end");
		}
		if (start.equals(end)) {
			throw new InvalidValueException("delivery.refused.quiet-hours-must-not-start-end");
		}
	}

	/** Parses {@code "21:00-07:00"}. */
	public static QuietHours parse(String text) {
		var range = TimeWindow.times(text, "Quiet hours");
		return new QuietHours(range[0], range[1]);
	}

	public boolean acrossMidnight() {
		return end.isBefore(start);
	}

	@Override
	public String toString() {
		return start + "-" + end;
	}
}
