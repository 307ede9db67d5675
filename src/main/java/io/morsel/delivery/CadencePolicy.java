package io.morsel.delivery;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The cadence that applies to one learner: every part decided, from the built-in defaults overridden by the
 * organisation's settings, then the program's, then the learner's own (docs/delivery.md, "Cadence").
 *
 * @param quietHours {@code null} when the learner has none
 * @param windows empty: any time outside the quiet hours
 * @param floorDays 0: no gentle nudge after days without learning
 */
public record CadencePolicy(int maxPerDay, int maxPerWeek, @Nullable QuietHours quietHours, List<TimeWindow> windows,
		boolean weekdaysOnly, int floorDays) {

	/**
	 * One nudge a day, five a week, on weekdays, never between 20:00 and 08:00, and a gentle nudge after three days
	 * without learning.
	 */
	public static final CadencePolicy DEFAULT = new CadencePolicy(1, 5, QuietHours.parse("20:00-08:00"), List.of(),
			true, 3);

	public CadencePolicy {
		windows = List.copyOf(windows);
		// Checked as settings would be, so that a policy is never outside what a person may set.
		new CadenceSettings(maxPerDay, maxPerWeek, quietHours, windows, weekdaysOnly, floorDays);
	}

	/** The defaults overridden by each level in turn, broadest first (organisation, program, learner). */
	public static CadencePolicy resolve(CadenceSettings... levels) {
		var policy = DEFAULT;
		for (var level : levels) {
			policy = policy.overriddenBy(level);
		}
		return policy;
	}

	/** This policy with every part the settings set replaced. */
	public CadencePolicy overriddenBy(CadenceSettings settings) {
		var perDay = settings.maxPerDay() != null ? settings.maxPerDay() : maxPerDay;
		var perWeek = settings.maxPerWeek() != null ? settings.maxPerWeek() : maxPerWeek;
		// A lower level that raises the daily limit above the inherited weekly one lifts the weekly limit with it.
		if (perWeek < perDay) {
			perWeek = perDay;
		}
		return new CadencePolicy(perDay, perWeek,
				settings.quietHours() != null ? settings.quietHours() : quietHours,
				settings.windows() != null ? settings.windows() : windows,
				settings.weekdaysOnly() != null ? settings.weekdaysOnly() : weekdaysOnly,
				settings.floorDays() != null ? settings.floorDays() : floorDays);
	}
}
