package io.morsel.delivery.web;

import io.morsel.delivery.CadenceSettings;
import io.morsel.delivery.QuietHours;
import io.morsel.delivery.TimeWindow;
import io.morsel.shared.InvalidValueException;
import org.jspecify.annotations.Nullable;

/**
 * The cadence fields of a settings form, as typed: a blank field inherits from the level above.
 *
 * @param weekdaysOnly {@code yes}, {@code no}, or blank to inherit
 */
record CadenceForm(@Nullable String maxPerDay, @Nullable String maxPerWeek, @Nullable String quietHours,
		@Nullable String windows, @Nullable String weekdaysOnly, @Nullable String floorDays) {

	static CadenceForm of(CadenceSettings settings) {
		return new CadenceForm(text(settings.maxPerDay()), text(settings.maxPerWeek()),
				settings.quietHours() == null ? "" : settings.quietHours().toString(),
				settings.windows() == null ? "" : String.join(", ", settings.windows().stream().map(Object::toString).toList()),
				settings.weekdaysOnly() == null ? "" : settings.weekdaysOnly() ? "yes" : "no", text(settings.floorDays()));
	}

	CadenceSettings settings() {
		return new CadenceSettings(number(maxPerDay, "Nudges per day"), number(maxPerWeek, "Nudges per week"),
				blank(quietHours) ? null : QuietHours.parse(quietHours), blank(windows) ? null : TimeWindow.parseAll(windows),
				blank(weekdaysOnly) ? null : "yes".equals(weekdaysOnly), number(floorDays, "Days without learning"));
	}

	private static @Nullable Integer number(@Nullable String value, String what) {
		if (blank(value)) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException e) {
			throw new InvalidValueException("delivery.refused.must-whole-number-not", what, value);
		}
	}

	private static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	private static String text(@Nullable Integer value) {
		return value == null ? "" : value.toString();
	}
}
