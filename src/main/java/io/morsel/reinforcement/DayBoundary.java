package io.morsel.reinforcement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * When a learner's review day begins: at {@code startHour} o'clock on their wall clock, in their time zone, so that
 * reviews after midnight still count for the evening before (docs/reinforcement.md, "The review day").
 *
 * <p>Days follow the wall clock through daylight-saving changes: a day may last 23 or 25 hours. When the start hour
 * does not exist on a day (clocks jump over it), the day begins when the clocks land after the jump; when it occurs
 * twice (clocks go back), the day begins at its first occurrence.
 */
public record DayBoundary(ZoneId zone, int startHour) {

	public static final int DEFAULT_START_HOUR = 4;

	public DayBoundary {
		if (startHour < 0 || startHour > 23) {
			throw new IllegalArgumentException("A day starts at an hour from 0 to 23, not " + startHour);
		}
	}

	/** The learner's review day starting at 4:00 in their time zone. */
	public static DayBoundary of(ZoneId zone) {
		return new DayBoundary(zone, DEFAULT_START_HOUR);
	}

	/** The review day an instant belongs to: its local date, or the day before while the clock is before the start hour. */
	public LocalDate reviewDay(Instant at) {
		var local = at.atZone(zone).toLocalDateTime();
		return local.getHour() < startHour ? local.toLocalDate().minusDays(1) : local.toLocalDate();
	}

	/** The first instant of a review day. */
	public Instant start(LocalDate day) {
		var local = day.atTime(startHour, 0);
		var transition = zone.getRules().getTransition(local);
		if (transition != null && transition.isGap()) {
			// The first instant the clock shows the start hour or later is the end of the jump.
			return transition.getInstant();
		}
		// In an overlap atZone takes the earlier offset: the first occurrence.
		return local.atZone(zone).toInstant();
	}

	/** The first instant after a review day: the start of the next one. */
	public Instant end(LocalDate day) {
		return start(day.plusDays(1));
	}

	/** Whether something due at {@code due} is due on the review day of {@code now}, or was due before it. */
	public boolean isDue(Instant due, Instant now) {
		return !reviewDay(due).isAfter(reviewDay(now));
	}
}
