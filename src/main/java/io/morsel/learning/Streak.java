package io.morsel.learning;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;

/**
 * A learner's streak: the days in a row, up to today, on which they met their daily goal. The rules are kind:
 * <ul>
 * <li>Today counts once the goal is met, and does not break the streak before the day is over.</li>
 * <li>Up to {@link #FREEZES_PER_WEEK} missed days a week (Monday to Sunday) are frozen, for free: they neither count
 * nor break the streak. Freezes are never sold, bought back or repaired for money.</li>
 * <li>With weekends off, a Saturday or Sunday without learning neither counts nor breaks the streak and spends no
 * freeze; one with the goal met counts.</li>
 * </ul>
 * Days are dates of the learner's calendar ({@link LearningDay}): a day of 23 or 25 hours (a daylight-saving change)
 * is one day like any other.
 *
 * @param days the days in a row with the goal met
 * @param today what today counts towards the goal so far, in its unit
 * @param todayMet whether today's goal is met
 * @param freezesLeft freezes left this week
 */
public record Streak(int days, int today, boolean todayMet, int freezesLeft) {

	public static final int FREEZES_PER_WEEK = 2;

	/**
	 * The streak on {@code today} from the learner's days (any order, each date at most once; days without learning
	 * may be missing).
	 */
	public static Streak of(DailyGoal goal, List<LearningDay> learned, LocalDate today) {
		var byDate = new HashMap<LocalDate, LearningDay>();
		var first = today;
		for (var day : learned) {
			byDate.put(day.day(), day);
			if (day.day().isBefore(first)) {
				first = day.day();
			}
		}
		// Day by day from the first day learned, as the learner lived them: a missed day spends a freeze only while
		// there is a streak to keep, and breaks it once the week's freezes are spent.
		var spent = new HashMap<Long, Integer>();
		var days = 0;
		for (var date = first; date.isBefore(today); date = date.plusDays(1)) {
			var day = byDate.getOrDefault(date, LearningDay.nothing(date));
			if (goal.metBy(day)) {
				days++;
			}
			else if (goal.weekendsOff() && weekend(date)) {
				continue;
			}
			else if (days > 0 && spent.getOrDefault(week(date), 0) < FREEZES_PER_WEEK) {
				spent.merge(week(date), 1, Integer::sum);
			}
			else {
				days = 0;
			}
		}
		var todays = byDate.getOrDefault(today, LearningDay.nothing(today));
		if (goal.metBy(todays)) {
			days++;
		}
		return new Streak(days, goal.progress(todays), goal.metBy(todays),
				FREEZES_PER_WEEK - spent.getOrDefault(week(today), 0));
	}

	private static boolean weekend(LocalDate date) {
		return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
	}

	/** The Monday-to-Sunday week a date is in, as a number that orders weeks. */
	private static long week(LocalDate date) {
		return ChronoUnit.WEEKS.between(LocalDate.EPOCH.with(DayOfWeek.MONDAY), date.with(DayOfWeek.MONDAY));
	}
}
