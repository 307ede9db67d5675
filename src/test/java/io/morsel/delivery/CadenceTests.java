package io.morsel.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.morsel.shared.InvalidValueException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * When the next nudge may go out (docs/delivery.md, "Cadence"). 15 January 2026 is a Thursday. In 2026 Berlin moves to
 * summer time on Sunday 29 March (02:00 → 03:00) and back on Sunday 25 October (03:00 → 02:00).
 */
class CadenceTests {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
	static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	@Test
	void aNudgeInsideTheAllowedHoursGoesOutAtOnce() {
		var cadence = cadence(policy("21:00-07:00"), BERLIN);
		assertThat(cadence.nextSend(at("2026-01-15T09:00:00Z"), List.of())).contains(at("2026-01-15T09:00:00Z"));
		assertThat(cadence.allowsNow(at("2026-01-15T09:00:00Z"), List.of())).isTrue();
	}

	@Test
	void quietHoursAcrossMidnightHoldTheNudgeUntilMorning() {
		var cadence = cadence(policy("21:00-07:00"), BERLIN);
		// 22:30 and 05:00 in Berlin both wait for 07:00.
		assertThat(cadence.nextSend(at("2026-01-15T21:30:00Z"), List.of())).contains(at("2026-01-16T06:00:00Z"));
		assertThat(cadence.nextSend(at("2026-01-16T04:00:00Z"), List.of())).contains(at("2026-01-16T06:00:00Z"));
		assertThat(cadence.allowsNow(at("2026-01-15T21:30:00Z"), List.of())).isFalse();
		// 20:59 is still allowed.
		assertThat(cadence.nextSend(at("2026-01-15T19:59:00Z"), List.of())).contains(at("2026-01-15T19:59:00Z"));
	}

	@Test
	void quietHoursWithinADayKeepOnlyThatStretch() {
		var cadence = cadence(policy("12:00-14:00"), BERLIN);
		assertThat(cadence.nextSend(at("2026-01-15T11:30:00Z"), List.of())).contains(at("2026-01-15T13:00:00Z"));
		assertThat(cadence.nextSend(at("2026-01-15T23:30:00Z"), List.of())).contains(at("2026-01-15T23:30:00Z"));
	}

	@Test
	void theSameInstantIsQuietInTokyoAndMorningInNewYork() {
		var instant = at("2026-01-15T12:00:00Z"); // 21:00 in Tokyo, 07:00 in New York
		var quiet = policy("20:00-08:00");
		assertThat(cadence(quiet, TOKYO).nextSend(instant, List.of())).contains(at("2026-01-15T23:00:00Z"));
		assertThat(cadence(quiet, NEW_YORK).nextSend(instant, List.of())).contains(at("2026-01-15T13:00:00Z"));
	}

	@Test
	void theDailyLimitCountsTheLearnersCalendarDay() {
		var cadence = cadence(policy("21:00-07:00"), BERLIN);
		// Sent at 00:30 Berlin on the 16th (still the 15th in UTC): the 16th has had its nudge.
		var sent = List.of(at("2026-01-15T23:30:00Z"));
		assertThat(cadence.nextSend(at("2026-01-16T08:00:00Z"), sent)).contains(at("2026-01-17T06:00:00Z"));
		// Two a day allowed: the second goes out now.
		var twice = new Cadence(CadencePolicy.resolve(settings(2, 10, "21:00-07:00", false)), BERLIN, false, null);
		assertThat(twice.nextSend(at("2026-01-16T08:00:00Z"), sent)).contains(at("2026-01-16T08:00:00Z"));
	}

	@Test
	void theWeeklyLimitWaitsForNextMonday() {
		var cadence = new Cadence(CadencePolicy.resolve(settings(1, 3, "21:00-07:00", true)), BERLIN, false, null);
		var sent = List.of(at("2026-01-12T09:00:00Z"), at("2026-01-13T09:00:00Z"), at("2026-01-14T09:00:00Z"));
		// Thursday the 15th: three this week already; Monday the 19th at 07:00 Berlin.
		assertThat(cadence.nextSend(at("2026-01-15T09:00:00Z"), sent)).contains(at("2026-01-19T06:00:00Z"));
	}

	@Test
	void weekdaysOnlySkipsTheWeekend() {
		var cadence = new Cadence(CadencePolicy.resolve(settings(1, 5, "21:00-07:00", true)), BERLIN, false, null);
		// Friday the 16th at 22:00 Berlin: Saturday and Sunday are skipped.
		assertThat(cadence.nextSend(at("2026-01-16T21:00:00Z"), List.of())).contains(at("2026-01-19T06:00:00Z"));
		var weekends = cadence(policy("21:00-07:00"), BERLIN);
		assertThat(weekends.nextSend(at("2026-01-16T21:00:00Z"), List.of())).contains(at("2026-01-17T06:00:00Z"));
	}

	@Test
	void preferredWindowsPickTheNextWindowOfTheDay() {
		var settings = new CadenceSettings(2, 10, QuietHours.parse("21:00-07:00"),
				TimeWindow.parseAll("12:30-13:00, 08:00-09:00"), false, null);
		var cadence = new Cadence(CadencePolicy.resolve(settings), BERLIN, false, null);
		assertThat(cadence.nextSend(at("2026-01-15T06:00:00Z"), List.of())).contains(at("2026-01-15T07:00:00Z"));
		assertThat(cadence.nextSend(at("2026-01-15T08:30:00Z"), List.of())).contains(at("2026-01-15T11:30:00Z"));
		// After the last window: the first window of tomorrow.
		assertThat(cadence.nextSend(at("2026-01-15T12:00:00Z"), List.of())).contains(at("2026-01-16T07:00:00Z"));
	}

	@Test
	void aWindowPartlyInQuietHoursOpensWhenTheyEnd() {
		var settings = new CadenceSettings(null, null, QuietHours.parse("21:00-07:00"),
				TimeWindow.parseAll("06:00-08:00"), false, null);
		var cadence = new Cadence(CadencePolicy.resolve(settings), BERLIN, false, null);
		assertThat(cadence.nextSend(at("2026-01-15T04:00:00Z"), List.of())).contains(at("2026-01-15T06:00:00Z"));
	}

	@Test
	void aWindowStartingInTheSpringGapOpensWhenTheClocksLand() {
		// Sunday 29 March 2026: Berlin's clocks jump from 02:00 to 03:00 (01:00 UTC); 02:30 never happens.
		var settings = new CadenceSettings(null, null, QuietHours.parse("12:00-13:00"),
				TimeWindow.parseAll("02:30-04:00"), false, null);
		var cadence = new Cadence(CadencePolicy.resolve(settings), BERLIN, false, null);
		assertThat(cadence.nextSend(at("2026-03-28T22:00:00Z"), List.of())).contains(at("2026-03-29T01:00:00Z"));
	}

	@Test
	void quietHoursEndingInTheAutumnOverlapEndAtTheFirstPassing() {
		// Sunday 25 October 2026: Berlin passes 02:30 twice, at 00:30 UTC (summer time) and 01:30 UTC.
		var cadence = cadence(policy("21:00-02:30"), BERLIN);
		assertThat(cadence.nextSend(at("2026-10-24T20:00:00Z"), List.of())).contains(at("2026-10-25T00:30:00Z"));
	}

	@Test
	void quietHoursFollowTheWallClockAcrossTheSpringChange() {
		// 08:00 in Berlin is 07:00 UTC on Saturday 28 March and 06:00 UTC on Sunday 29 March.
		var cadence = cadence(policy("20:00-08:00"), BERLIN);
		assertThat(cadence.nextSend(at("2026-03-28T05:00:00Z"), List.of())).contains(at("2026-03-28T07:00:00Z"));
		assertThat(cadence.nextSend(at("2026-03-29T05:00:00Z"), List.of())).contains(at("2026-03-29T06:00:00Z"));
	}

	@Test
	void pausedLearnersGetNothingAndSnoozedOnesAfterTheSnooze() {
		var policy = policy("21:00-07:00");
		assertThat(new Cadence(policy, BERLIN, true, null).nextSend(at("2026-01-15T09:00:00Z"), List.of())).isEmpty();
		var snoozed = new Cadence(policy, BERLIN, false, at("2026-01-15T15:00:00Z"));
		assertThat(snoozed.nextSend(at("2026-01-15T09:00:00Z"), List.of())).contains(at("2026-01-15T15:00:00Z"));
		// A snooze into the quiet hours ends in the morning.
		var late = new Cadence(policy, BERLIN, false, at("2026-01-15T22:00:00Z"));
		assertThat(late.nextSend(at("2026-01-15T09:00:00Z"), List.of())).contains(at("2026-01-16T06:00:00Z"));
	}

	@Test
	void eachLevelOverridesOnlyWhatItSets() {
		var organisation = new CadenceSettings(2, 6, QuietHours.parse("22:00-06:00"), null, false, 5);
		var program = new CadenceSettings(null, null, QuietHours.parse("19:00-09:00"), null, null, null);
		var learner = new CadenceSettings(4, null, null, TimeWindow.parseAll("12:00-13:00"), null, 0);

		var policy = CadencePolicy.resolve(organisation, program, learner);

		assertThat(policy.maxPerDay()).isEqualTo(4);
		assertThat(policy.maxPerWeek()).isEqualTo(6);
		assertThat(policy.quietHours()).isEqualTo(QuietHours.parse("19:00-09:00"));
		assertThat(policy.windows()).containsExactly(TimeWindow.parse("12:00-13:00"));
		assertThat(policy.weekdaysOnly()).isFalse();
		assertThat(policy.floorDays()).isZero();
		assertThat(CadencePolicy.resolve()).isEqualTo(CadencePolicy.DEFAULT);
		// A learner allowing more a day than the organisation a week lifts the week with it.
		assertThat(CadencePolicy.resolve(organisation, new CadenceSettings(10, null, null, null, null, null))
			.maxPerWeek()).isEqualTo(10);
	}

	@Test
	void settingsOutsideTheirRangesAreRefusedWithTheRule() {
		assertThatThrownBy(() -> new CadenceSettings(0, null, null, null, null, null))
			.isInstanceOf(InvalidValueException.class).hasMessageContaining("per day must be from 1 to 24");
		assertThatThrownBy(() -> new CadenceSettings(3, 2, null, null, null, null))
			.isInstanceOf(InvalidValueException.class).hasMessageContaining("at least the nudges per day");
		assertThatThrownBy(() -> QuietHours.parse("07:00-07:00")).isInstanceOf(InvalidValueException.class);
		assertThatThrownBy(() -> TimeWindow.parse("09:00-08:00")).isInstanceOf(InvalidValueException.class)
			.hasMessageContaining("ends after it starts");
		assertThatThrownBy(() -> TimeWindow.parse("nine to five")).isInstanceOf(InvalidValueException.class)
			.hasMessageContaining("such as 08:00-09:00");
		assertThatThrownBy(() -> QuietHours.parse("25:00-07:00")).isInstanceOf(InvalidValueException.class);
	}

	@Test
	void theFloorNudgesAfterDaysWithoutLearningOncePerStretch() {
		var cadence = cadence(CadencePolicy.DEFAULT, BERLIN); // three days
		var now = at("2026-01-15T09:00:00Z");
		assertThat(cadence.floorDue(now, now.minus(Duration.ofDays(2)), null)).isFalse();
		assertThat(cadence.floorDue(now, now.minus(Duration.ofDays(3)), null)).isTrue();
		assertThat(cadence.floorDue(now, null, null)).isTrue();
		assertThat(cadence.floorDue(now, now.minus(Duration.ofDays(5)), now.minus(Duration.ofDays(1)))).isFalse();
		var off = cadence(CadencePolicy.resolve(new CadenceSettings(null, null, null, null, null, 0)), BERLIN);
		assertThat(off.floorDue(now, null, null)).isFalse();
	}

	/** Seeded random policies, zones and instants: whatever it answers keeps every rule of the policy. */
	@Test
	void theNextSendAlwaysKeepsEveryRule() {
		var random = new Random(16);
		var zones = List.of(BERLIN, TOKYO, NEW_YORK, ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Asia/Kolkata"));
		var start = at("2026-01-01T00:00:00Z");
		for (int run = 0; run < 2_000; run++) {
			var zone = zones.get(random.nextInt(zones.size()));
			var quiet = new QuietHours(LocalTime.of(random.nextInt(24), 0), LocalTime.of(random.nextInt(24), 30));
			List<TimeWindow> windows = random.nextBoolean() ? List.of()
					: List.of(new TimeWindow(LocalTime.of(6 + random.nextInt(4), 0), LocalTime.of(11, 0)),
							new TimeWindow(LocalTime.of(17, 0), LocalTime.of(18 + random.nextInt(5), 15)));
			int perDay = 1 + random.nextInt(3);
			var policy = CadencePolicy.resolve(new CadenceSettings(perDay, perDay + random.nextInt(5), quiet, windows,
					random.nextBoolean(), null));
			var cadence = new Cadence(policy, zone, false, null);
			var now = start.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 365)));
			var sent = new ArrayList<Instant>();
			for (int s = random.nextInt(6); s > 0; s--) {
				sent.add(now.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 6))));
			}

			var found = cadence.nextSend(now, sent);
			if (found.isEmpty()) {
				// Only when the quiet hours cover every allowed minute of the day.
				assertThat(openMinuteExists(quiet, windows)).as("%s, %s", quiet, windows).isFalse();
				continue;
			}
			var next = found.get();

			var local = next.atZone(zone);
			var time = local.toLocalTime();
			assertThat(next).isAfterOrEqualTo(now);
			assertThat(inQuiet(quiet, time)).as("%s in quiet hours %s", local, quiet).isFalse();
			if (!windows.isEmpty()) {
				assertThat(windows.stream().anyMatch(w -> !time.isBefore(w.start()) && time.isBefore(w.end())))
					.as("%s in a window of %s", local, windows).isTrue();
			}
			if (policy.weekdaysOnly()) {
				assertThat(local.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
			}
			assertThat(sent.stream().filter(s -> s.atZone(zone).toLocalDate().equals(local.toLocalDate())).count())
				.isLessThan(perDay);
		}
	}

	private static boolean openMinuteExists(QuietHours quiet, List<TimeWindow> windows) {
		for (int minute = 0; minute < 24 * 60; minute++) {
			var time = LocalTime.of(minute / 60, minute % 60);
			var inWindow = windows.isEmpty()
					|| windows.stream().anyMatch(w -> !time.isBefore(w.start()) && time.isBefore(w.end()));
			if (inWindow && !inQuiet(quiet, time)) {
				return true;
			}
		}
		return false;
	}

	private static boolean inQuiet(QuietHours quiet, LocalTime time) {
		if (quiet.acrossMidnight()) {
			return !time.isBefore(quiet.start()) || time.isBefore(quiet.end());
		}
		return !time.isBefore(quiet.start()) && time.isBefore(quiet.end());
	}

	private static Cadence cadence(CadencePolicy policy, ZoneId zone) {
		return new Cadence(policy, zone, false, null);
	}

	/** One a day, every day of the week, with these quiet hours. */
	private static CadencePolicy policy(String quiet) {
		return CadencePolicy.resolve(settings(1, 7, quiet, false));
	}

	private static CadenceSettings settings(int perDay, int perWeek, String quiet, boolean weekdaysOnly) {
		return new CadenceSettings(perDay, perWeek, QuietHours.parse(quiet), List.of(), weekdaysOnly, null);
	}

	private static Instant at(String instant) {
		return Instant.parse(instant);
	}
}
