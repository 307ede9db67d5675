package io.morsel.delivery;

import io.morsel.shared.InvalidValueException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Cadence as one level sets it (an organisation's defaults, a program's, a learner's own): each part left
 * {@code null} is inherited from the level above ({@link CadencePolicy#resolve}).
 *
 * @param maxPerDay nudges at most per day of the learner's calendar, 1 to 24
 * @param maxPerWeek nudges at most per calendar week (Monday to Sunday), 1 to 100
 * @param windows preferred times of day; empty means any time outside the quiet hours
 * @param floorDays a gentle nudge after this many days without learning; 0 turns the floor off
 */
public record CadenceSettings(@Nullable Integer maxPerDay, @Nullable Integer maxPerWeek,
		@Nullable QuietHours quietHours, @Nullable List<TimeWindow> windows, @Nullable Boolean weekdaysOnly,
		@Nullable Integer floorDays) {

	/** Nothing set: everything inherited. */
	public static final CadenceSettings INHERIT = new CadenceSettings(null, null, null, null, null, null);

	public CadenceSettings {
		check(maxPerDay, 1, 24, "Nudges per day");
		check(maxPerWeek, 1, 100, "Nudges per week");
		check(floorDays, 0, 90, "The days without learning before a gentle nudge");
		if (maxPerDay != null && maxPerWeek != null && maxPerWeek < maxPerDay) {
			throw new InvalidValueException("delivery.refused.nudges-per-week-must-least-nudges");
		}
		windows = windows == null ? null : List.copyOf(windows);
	}

	private static void check(@Nullable Integer value, int min, int max, String what) {
		if (value != null && (value < min || value > max)) {
			throw new InvalidValueException("delivery.refused.must-not", what, min, max, value);
		}
	}
}
