package io.morsel.delivery;

import io.morsel.shared.InvalidValueException;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/** A preferred time of day for nudges on the learner's wall clock, such as 08:00–09:00; within one day. */
public record TimeWindow(LocalTime start, LocalTime end) {

	public TimeWindow {
		if (start == null || end == null) {
			throw new InvalidValueException("delivery.refused.time-window-needs-start-end");
		}
		if (!start.isBefore(end)) {
			throw new InvalidValueException("delivery.refused.time-window-ends-after-starts-within", start, end);
		}
	}

	/** Parses {@code "08:00-09:00"}. */
	public static TimeWindow parse(String text) {
		var range = times(text, "A time window");
		return new TimeWindow(range[0], range[1]);
	}

	/** Parses {@code "08:00-09:00, 12:30-13:00"}; blank is none. */
	public static List<TimeWindow> parseAll(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return Arrays.stream(text.split(",")).map(String::strip).map(TimeWindow::parse).toList();
	}

	static String format(List<TimeWindow> windows) {
		return String.join(",", windows.stream().map(TimeWindow::toString).toList());
	}

	static LocalTime[] times(String text, String what) {
		var parts = text == null ? new String[0] : text.strip().split("\\s*-\\s*");
		if (parts.length != 2) {
			throw new InvalidValueException("delivery.refused.written-two-times-such-08-00", what, text);
		}
		try {
			return new LocalTime[] { LocalTime.parse(parts[0]), LocalTime.parse(parts[1]) };
		}
		catch (DateTimeParseException e) {
			throw new InvalidValueException("delivery.refused.written-two-times-such-08-00", what, text);
		}
	}

	@Override
	public String toString() {
		return start + "-" + end;
	}
}
