package io.morsel.delivery;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One learner's cadence: their policy, on their wall clock, paused or snoozed or not. It says when the next nudge may
 * go out, given the nudges already sent (docs/delivery.md, "Cadence").
 *
 * <p>Times of day are the learner's wall clock through daylight-saving changes: a window that starts at a time the
 * clocks skip starts when they land after the jump, and a time the clocks pass twice counts from its first passing.
 * Days and weeks (Monday to Sunday) are the learner's calendar.
 *
 * @param paused no nudges at all until the learner resumes
 * @param snoozedUntil no nudges before this instant; {@code null} when not snoozed
 */
public record Cadence(CadencePolicy policy, ZoneId zone, boolean paused, @Nullable Instant snoozedUntil) {

	/** How far ahead a next send is looked for: a fortnight always holds one unless the learner paused. */
	private static final int DAYS_AHEAD = 15;

	/**
	 * The first instant at or after {@code earliest} when a nudge may go out: not paused, not snoozed, on an allowed
	 * day, within a preferred window (any time when there is none), outside the quiet hours, and with the day's and
	 * the week's limits not reached by {@code sent}. Empty while paused.
	 */
	public Optional<Instant> nextSend(Instant earliest, Collection<Instant> sent) {
		if (paused) {
			return Optional.empty();
		}
		var from = snoozedUntil != null && snoozedUntil.isAfter(earliest) ? snoozedUntil : earliest;
		var firstDay = from.atZone(zone).toLocalDate();
		for (var day = firstDay; day.isBefore(firstDay.plusDays(DAYS_AHEAD)); day = day.plusDays(1)) {
			if (!allowedDay(day, sent)) {
				continue;
			}
			var found = firstFreeInstant(day, from);
			if (found.isPresent()) {
				return found;
			}
		}
		return Optional.empty();
	}

	/** Whether a nudge may go out at this very instant. */
	public boolean allowsNow(Instant now, Collection<Instant> sent) {
		return nextSend(now, sent).filter(now::equals).isPresent();
	}

	/**
	 * Whether the floor calls for a gentle nudge: the floor is on, the learner has not learnt for that many days (or
	 * never), and no gentle nudge went out in that time either.
	 */
	public boolean floorDue(Instant now, @Nullable Instant lastLearning, @Nullable Instant lastFloorNudge) {
		if (policy.floorDays() == 0) {
			return false;
		}
		var floor = Duration.ofDays(policy.floorDays());
		var learntLately = lastLearning != null && lastLearning.plus(floor).isAfter(now);
		var nudgedLately = lastFloorNudge != null && lastFloorNudge.plus(floor).isAfter(now);
		return !learntLately && !nudgedLately;
	}

	private boolean allowedDay(LocalDate day, Collection<Instant> sent) {
		if (policy.weekdaysOnly() && (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY)) {
			return false;
		}
		var monday = day.with(DayOfWeek.MONDAY);
		var sunday = monday.plusDays(6);
		int onDay = 0;
		int inWeek = 0;
		for (var at : sent) {
			var date = at.atZone(zone).toLocalDate();
			if (date.equals(day)) {
				onDay++;
			}
			if (!date.isBefore(monday) && !date.isAfter(sunday)) {
				inWeek++;
			}
		}
		return onDay < policy.maxPerDay() && inWeek < policy.maxPerWeek();
	}

	/** The first instant of the day's allowed times at or after {@code from}. */
	private Optional<Instant> firstFreeInstant(LocalDate day, Instant from) {
		var quiet = quietPeriods(day);
		for (var window : windows(day)) {
			var at = window.start().isBefore(from) ? from : window.start();
			boolean moved = true;
			while (moved && at.isBefore(window.end())) {
				moved = false;
				for (var period : quiet) {
					if (!at.isBefore(period.start()) && at.isBefore(period.end())) {
						at = period.end();
						moved = true;
					}
				}
			}
			if (at.isBefore(window.end())) {
				return Optional.of(at);
			}
		}
		return Optional.empty();
	}

	/** The day's preferred windows as instants, in order; the whole day when there are none. */
	private List<Period> windows(LocalDate day) {
		if (policy.windows().isEmpty()) {
			return List.of(new Period(day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant()));
		}
		var periods = new ArrayList<Period>();
		for (var window : policy.windows()) {
			periods.add(new Period(instant(day, window.start()), instant(day, window.end())));
		}
		periods.sort((a, b) -> a.start().compareTo(b.start()));
		return periods;
	}

	/** The quiet periods that touch the day: those starting the evening before, on the day, and crossing into the next. */
	private List<Period> quietPeriods(LocalDate day) {
		var quiet = policy.quietHours();
		if (quiet == null) {
			return List.of();
		}
		var periods = new ArrayList<Period>(3);
		for (var start = day.minusDays(1); !start.isAfter(day); start = start.plusDays(1)) {
			var end = quiet.acrossMidnight() ? start.plusDays(1) : start;
			periods.add(new Period(instant(start, quiet.start()), instant(end, quiet.end())));
		}
		return periods;
	}

	/**
	 * A wall-clock time of a day as an instant: in a gap of a daylight-saving change the instant the clocks land on
	 * after it, in an overlap the earlier passing.
	 */
	private Instant instant(LocalDate day, LocalTime time) {
		var local = day.atTime(time);
		var transition = zone.getRules().getTransition(local);
		if (transition != null && transition.isGap()) {
			return transition.getInstant();
		}
		return ZonedDateTime.of(local, zone).toInstant();
	}

	private record Period(Instant start, Instant end) {
	}
}
