package io.morsel.reinforcement;

import java.util.regex.Pattern;

/**
 * One (re)learning step, written as FSRS implementations write them: a whole number of minutes, hours or days,
 * {@code "1m"}, {@code "10m"}, {@code "1h"}, {@code "1d"}.
 */
public record Step(int minutes) {

	private static final Pattern FORMAT = Pattern.compile("(\\d{1,6})([mhd])");

	public Step {
		if (minutes < 0) {
			throw new IllegalArgumentException("A step cannot be negative");
		}
	}

	/** Parses {@code "10m"}, {@code "2h"} or {@code "1d"}; anything else (a unit other than m, h, d) is refused. */
	public static Step parse(String text) {
		var matcher = FORMAT.matcher(text);
		if (!matcher.matches()) {
			throw new IllegalArgumentException(
					"A step is a whole number followed by m, h or d, such as \"10m\"; not \"" + text + "\"");
		}
		int value = Integer.parseInt(matcher.group(1));
		return new Step(switch (matcher.group(2)) {
			case "m" -> value;
			case "h" -> value * 60;
			default -> value * 1440;
		});
	}

	@Override
	public String toString() {
		if (minutes > 0 && minutes % 1440 == 0) {
			return minutes / 1440 + "d";
		}
		if (minutes > 0 && minutes % 60 == 0) {
			return minutes / 60 + "h";
		}
		return minutes + "m";
	}
}
