package io.morsel.delivery;

import io.morsel.shared.InvalidValueException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.jspecify.annotations.Nullable;

/**
 * When a rule's lesson becomes available, relative to the trigger's event: {@code offsetMinutes} after it (negative:
 * before), or, with {@code at}, at that time of the learner's wall clock on the day {@code dayOffset} days from the
 * event's date in their time zone ("the evening before": {@code dayOffset -1, at 18:00}).
 */
public record RuleTiming(int offsetMinutes, int dayOffset, @Nullable LocalTime at) {

	public RuleTiming {
		if (Math.abs(offsetMinutes) > 60 * 24 * 60) {
			throw new InvalidValueException("delivery.refused.rule-s-offset-most-60-days");
		}
		if (Math.abs(dayOffset) > 60) {
			throw new InvalidValueException("delivery.refused.rule-s-day-offset-most-60");
		}
		if (at != null && offsetMinutes != 0) {
			throw new InvalidValueException("delivery.refused.rule-gives-either-offset-minutes-day");
		}
		if (at == null && dayOffset != 0) {
			throw new InvalidValueException("delivery.refused.rule-s-day-offset-needs-time");
		}
	}

	/** At the event itself. */
	public static final RuleTiming AT_THE_EVENT = new RuleTiming(0, 0, null);

	public Instant availableAt(Instant event, ZoneId zone) {
		if (at == null) {
			return event.plus(Duration.ofMinutes(offsetMinutes));
		}
		var day = event.atZone(zone).toLocalDate().plusDays(dayOffset);
		return ZonedDateTime.of(day, at, zone).toInstant();
	}

	/** Whether the lesson prepares for the event, so that it is pointless once the event has passed. */
	public boolean beforeEvent() {
		return at != null ? dayOffset < 0 : offsetMinutes < 0;
	}

	/** In words, for the rules page: "60 minutes after", "day -1 at 18:00". */
	public String describe() {
		if (at != null) {
			return (dayOffset == 0 ? "on the day" : dayOffset < 0 ? -dayOffset + " day(s) before" : dayOffset + " day(s) after")
					+ " at " + at;
		}
		if (offsetMinutes == 0) {
			return "at the event";
		}
		return Math.abs(offsetMinutes) + " minutes " + (offsetMinutes < 0 ? "before" : "after");
	}
}
