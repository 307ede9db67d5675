package io.morsel.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.morsel.shared.InvalidValueException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The daily goal and streak rules, on the learner's own calendar, across time zones and daylight-saving changes. */
class StreakTests {

	private static final DailyGoal TEN_MINUTES = new DailyGoal(DailyGoal.Kind.MINUTES, 10, false);
	private static final DailyGoal ONE_LESSON = new DailyGoal(DailyGoal.Kind.LESSONS, 1, false);
	private static final DailyGoal ONE_LESSON_WEEKDAYS = new DailyGoal(DailyGoal.Kind.LESSONS, 1, true);

	/** Monday 7 December 2026. */
	private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);

	@Test
	void rejectsAGoalOutsideItsRangeInPlainWords() {
		assertThatThrownBy(() -> new DailyGoal(DailyGoal.Kind.MINUTES, 4, false)).isInstanceOf(InvalidValueException.class)
			.hasMessage("A daily goal is 5 to 120 minutes");
		assertThatThrownBy(() -> new DailyGoal(DailyGoal.Kind.LESSONS, 11, false)).isInstanceOf(InvalidValueException.class)
			.hasMessage("A daily goal is 1 to 10 lessons");
	}

	@Test
	void noLearningIsNoStreakWithEveryFreezeLeft() {
		var streak = Streak.of(TEN_MINUTES, List.of(), MONDAY);

		assertThat(streak).isEqualTo(new Streak(0, 0, false, 2));
	}

	@Test
	void todayCountsOnceMetAndDoesNotBreakTheStreakBeforeTheDayIsOver() {
		var days = List.of(lessons(MONDAY.minusDays(2), 1), lessons(MONDAY.minusDays(1), 1));

		assertThat(Streak.of(ONE_LESSON, days, MONDAY).days()).isEqualTo(2);
		assertThat(Streak.of(ONE_LESSON, plus(days, lessons(MONDAY, 1)), MONDAY))
			.isEqualTo(new Streak(3, 1, true, 2));
	}

	@Test
	void twoMissedDaysAWeekAreFrozenForFreeAndAThirdBreaksTheStreak() {
		// Monday and Thursday met; Tuesday and Wednesday missed: both frozen, the streak lives on Thursday and Friday.
		var thursday = MONDAY.plusDays(3);
		var days = List.of(lessons(MONDAY, 1), lessons(thursday, 1));

		assertThat(Streak.of(ONE_LESSON, days, thursday)).isEqualTo(new Streak(2, 1, true, 0));
		assertThat(Streak.of(ONE_LESSON, days, thursday.plusDays(1))).isEqualTo(new Streak(2, 0, false, 0));
		// Friday missed too, with no freeze left that week: on Saturday the streak is gone.
		assertThat(Streak.of(ONE_LESSON, days, thursday.plusDays(2)).days()).isZero();
	}

	@Test
	void freezesComeBackEachMonday() {
		// Missed Saturday and Sunday (two freezes of last week), then Monday met: a new week has two again.
		var days = List.of(lessons(MONDAY.minusDays(3), 1), lessons(MONDAY, 1));

		assertThat(Streak.of(ONE_LESSON, days, MONDAY)).isEqualTo(new Streak(2, 1, true, 2));
	}

	@Test
	void withWeekendsOffAnEmptyWeekendSpendsNoFreezeAndALearnedOneCounts() {
		var friday = MONDAY.minusDays(3);
		var rested = List.of(lessons(friday, 1), lessons(MONDAY, 1));
		var learned = List.of(lessons(friday, 1), lessons(friday.plusDays(1), 1), lessons(MONDAY, 1));

		assertThat(Streak.of(ONE_LESSON_WEEKDAYS, rested, MONDAY)).isEqualTo(new Streak(2, 1, true, 2));
		assertThat(Streak.of(ONE_LESSON_WEEKDAYS, learned, MONDAY).days()).isEqualTo(3);
		// Without weekends off, the same rest spends last week's two freezes and keeps the streak.
		assertThat(Streak.of(ONE_LESSON, rested, MONDAY).days()).isEqualTo(2);
	}

	@Test
	void freezesSpentBeyondTheStreaksStartAreNotSpent() {
		// Met only today, after a long gap: nothing was kept alive, so no freeze of this week is gone.
		var days = List.of(lessons(MONDAY.minusDays(30), 1), lessons(MONDAY.plusDays(2), 1));

		assertThat(Streak.of(ONE_LESSON, days, MONDAY.plusDays(2))).isEqualTo(new Streak(1, 1, true, 2));
	}

	@Test
	void aMinutesGoalIsMetByTheTimeSpentAnsweringThatDay() {
		var short_ = new LearningDay(MONDAY, 9 * 60 + 59, 0, 0);
		var enough = new LearningDay(MONDAY, 10 * 60, 0, 0);

		assertThat(Streak.of(TEN_MINUTES, List.of(short_), MONDAY)).isEqualTo(new Streak(0, 9, false, 2));
		assertThat(Streak.of(TEN_MINUTES, List.of(enough), MONDAY)).isEqualTo(new Streak(1, 10, true, 2));
		assertThat(LearningDay.secondsOf(Duration.ofHours(1))).isEqualTo(600);
	}

	@Test
	void theSameLessonsMakeEachLearnersDaysInTheirOwnTimeZone() {
		// 23:30 on Monday in New York, and five hours later: two days there, one (Tuesday) in Auckland and in India.
		var lateMonday = LocalDateTime.of(2026, 12, 7, 23, 30).atZone(ZoneId.of("America/New_York")).toInstant();
		var later = lateMonday.plus(Duration.ofHours(5));

		var newYork = days(ZoneId.of("America/New_York"), lateMonday, later);
		var auckland = days(ZoneId.of("Pacific/Auckland"), lateMonday, later);
		var kolkata = days(ZoneId.of("Asia/Kolkata"), lateMonday, later);

		assertThat(newYork).extracting(LearningDay::day).containsExactly(MONDAY, MONDAY.plusDays(1));
		assertThat(auckland).extracting(LearningDay::day).containsExactly(MONDAY.plusDays(1));
		assertThat(kolkata).extracting(LearningDay::lessons).containsExactly(2);
		assertThat(Streak.of(ONE_LESSON, newYork, MONDAY.plusDays(1)).days()).isEqualTo(2);
		assertThat(Streak.of(ONE_LESSON, auckland, MONDAY.plusDays(1)).days()).isEqualTo(1);
	}

	@Test
	void aDayOfTwentyThreeOrTwentyFiveHoursIsOneDayOfTheStreak() {
		var newYork = ZoneId.of("America/New_York");
		// 8 March 2026 has 23 hours in New York (clocks go forward at 02:00); 1 November has 25 (back at 02:00).
		var springDay = LocalDate.of(2026, 3, 8);
		var autumnDay = LocalDate.of(2026, 11, 1);

		var spring = days(newYork, at(newYork, springDay.minusDays(1), 23, 50), at(newYork, springDay, 0, 10),
				at(newYork, springDay, 23, 50), at(newYork, springDay.plusDays(1), 0, 10));
		var autumn = days(newYork, at(newYork, autumnDay, 0, 30), at(newYork, autumnDay, 1, 30),
				at(newYork, autumnDay, 1, 30).plus(Duration.ofHours(1)), at(newYork, autumnDay, 23, 30));

		assertThat(spring).extracting(LearningDay::day).containsExactly(springDay.minusDays(1), springDay,
				springDay.plusDays(1));
		assertThat(spring.get(1).lessons()).isEqualTo(2);
		assertThat(Streak.of(ONE_LESSON, spring, springDay.plusDays(1)).days()).isEqualTo(3);
		// The hour 01:00–02:00 happens twice on 1 November: both are that day, so are 00:30 and 23:30.
		assertThat(autumn).hasSize(1).first().extracting(LearningDay::lessons).isEqualTo(4);
		assertThat(Streak.of(ONE_LESSON, autumn, autumnDay.plusDays(1)).days()).isEqualTo(1);
	}

	@Test
	void aStreakNeverGrowsByMoreThanTheDaysMetAndFreezesNeverExceedTwo() {
		var random = new Random(14);
		for (int run = 0; run < 500; run++) {
			var days = new ArrayList<LearningDay>();
			for (int i = 0; i < 60; i++) {
				if (random.nextInt(3) > 0) {
					days.add(lessons(MONDAY.minusDays(i), random.nextInt(2)));
				}
			}
			var goal = random.nextBoolean() ? ONE_LESSON : ONE_LESSON_WEEKDAYS;
			var streak = Streak.of(goal, days, MONDAY);
			var met = days.stream().filter(goal::metBy).count();

			assertThat(streak.days()).isBetween(0, (int) met);
			assertThat(streak.freezesLeft()).isBetween(0, Streak.FREEZES_PER_WEEK);
			// Meeting today's goal adds exactly today to the streak.
			var todayMet = new ArrayList<>(days.stream().filter(d -> !d.day().equals(MONDAY)).toList());
			todayMet.add(lessons(MONDAY, 1));
			var without = new ArrayList<>(todayMet.subList(0, todayMet.size() - 1));
			assertThat(Streak.of(goal, todayMet, MONDAY).days()).isEqualTo(Streak.of(goal, without, MONDAY).days() + 1);
		}
	}

	private static LearningDay lessons(LocalDate day, int lessons) {
		return new LearningDay(day, 0, lessons, 0);
	}

	private static List<LearningDay> plus(List<LearningDay> days, LearningDay day) {
		var all = new ArrayList<>(days);
		all.add(day);
		return all;
	}

	private static Instant at(ZoneId zone, LocalDate day, int hour, int minute) {
		return day.atTime(hour, minute).atZone(zone).toInstant();
	}

	/** A lesson completed at each instant, tallied on the learner's calendar as the answer writer does. */
	private static List<LearningDay> days(ZoneId zone, Instant... completed) {
		var byDay = new TreeMap<LocalDate, LearningDay>();
		for (var at : completed) {
			var day = LearningDay.dateOf(at, zone);
			byDay.merge(day, lessons(day, 1), Answers.DayKey::plus);
		}
		return List.copyOf(byDay.values());
	}
}
