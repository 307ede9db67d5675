package io.morsel.search;

import com.fasterxml.jackson.annotation.JsonValue;
import io.morsel.shared.InvalidValueException;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * How long a lesson takes, in the bands a learner with a few minutes to spare chooses from: its estimated minutes
 * under 3, 3 to 4, 5 to 7, or over 7.
 */
public enum LessonLength {

	UNDER_3("under-3", 0, 2), FROM_3_TO_4("3-4", 3, 4), FROM_5_TO_7("5-7", 5, 7), OVER_7("over-7", 8, Integer.MAX_VALUE);

	private final String key;
	private final int minMinutes;
	private final int maxMinutes;

	LessonLength(String key, int minMinutes, int maxMinutes) {
		this.key = key;
		this.minMinutes = minMinutes;
		this.maxMinutes = maxMinutes;
	}

	/** As the API and the page spell it: {@code under-3}, {@code 3-4}, {@code 5-7}, {@code over-7}. */
	@JsonValue
	public String key() {
		return key;
	}

	int minMinutes() {
		return minMinutes;
	}

	int maxMinutes() {
		return maxMinutes;
	}

	private static final LessonLength[] BANDS = values();

	/**
	 * The band of a lesson of this many minutes, as its ordinal, or -1 for none: a search counts the bands of every
	 * matching lesson, where a stream and an Optional per lesson were a sixth of its time.
	 */
	static int ordinalOf(long minutes) {
		for (var band : BANDS) {
			if (minutes >= band.minMinutes && minutes <= band.maxMinutes) {
				return band.ordinal();
			}
		}
		return -1;
	}

	/** The band a learner chose, by its key; blank for any. */
	public static @Nullable LessonLength of(@Nullable String key) {
		if (key == null || key.isBlank()) {
			return null;
		}
		return Arrays.stream(values())
			.filter(l -> l.key.equals(key.strip()))
			.findFirst()
			.orElseThrow(() -> new InvalidValueException("search.refused.duration-must",
					Arrays.stream(values()).map(LessonLength::key).collect(Collectors.joining(", "))));
	}
}
