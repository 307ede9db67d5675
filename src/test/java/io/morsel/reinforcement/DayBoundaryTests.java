package io.morsel.reinforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The review day of docs/reinforcement.md: the learner's wall clock from the start hour on, through daylight-saving
 * changes. In 2026 Berlin moves to summer time on 29 March (02:00 → 03:00) and back on 25 October (03:00 → 02:00);
 * New York on 8 March (02:00 → 03:00) and 1 November (02:00 → 01:00).
 */
class DayBoundaryTests {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	@Test
	void reviewsBeforeFourInTheMorningCountForTheDayBefore() {
		var day = DayBoundary.of(BERLIN);
		assertThat(day.reviewDay(at("2026-01-15T02:59:59Z"))).isEqualTo(date("2026-01-14"));
		assertThat(day.reviewDay(at("2026-01-15T03:00:00Z"))).isEqualTo(date("2026-01-15"));
		assertThat(day.reviewDay(at("2026-01-15T22:30:00Z"))).isEqualTo(date("2026-01-15"));
		assertThat(day.start(date("2026-01-15"))).isEqualTo(at("2026-01-15T03:00:00Z"));
		assertThat(length(day, "2026-01-15")).isEqualTo(Duration.ofHours(24));
	}

	@Test
	void midnightStartMakesTheReviewDayTheCalendarDay() {
		var day = new DayBoundary(ZoneId.of("UTC"), 0);
		assertThat(day.reviewDay(at("2026-01-15T00:00:00Z"))).isEqualTo(date("2026-01-15"));
		assertThat(day.reviewDay(at("2026-01-14T23:59:59.999Z"))).isEqualTo(date("2026-01-14"));
	}

	@Test
	void zonesWithHalfHourOffsetsStartAtTheirOwnFourOClock() {
		var day = DayBoundary.of(ZoneId.of("Asia/Kolkata"));
		assertThat(day.start(date("2026-06-01"))).isEqualTo(at("2026-05-31T22:30:00Z"));
	}

	@Test
	void dueTodayIncludesEverythingDueBeforeTomorrowsStart() {
		var day = DayBoundary.of(BERLIN);
		var now = at("2026-01-15T09:00:00Z");
		assertThat(day.isDue(at("2026-01-16T02:59:00Z"), now)).isTrue();
		assertThat(day.isDue(at("2026-01-10T12:00:00Z"), now)).isTrue();
		assertThat(day.isDue(at("2026-01-16T03:00:00Z"), now)).isFalse();
	}

	@Test
	void refusesHoursOutsideTheDay() {
		assertThatThrownBy(() -> new DayBoundary(BERLIN, 24)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new DayBoundary(BERLIN, -1)).isInstanceOf(IllegalArgumentException.class);
	}

	@Nested
	class SpringForward {

		@Test
		void dayAcrossTheJumpLasts23HoursWhenItStartsAfterTheJumpedHour() {
			var day = DayBoundary.of(BERLIN);
			// 01:30Z is 03:30 summer time: still before four, so still Saturday's review day.
			assertThat(day.reviewDay(at("2026-03-29T01:30:00Z"))).isEqualTo(date("2026-03-28"));
			assertThat(day.reviewDay(at("2026-03-29T02:00:00Z"))).isEqualTo(date("2026-03-29"));
			assertThat(length(day, "2026-03-28")).isEqualTo(Duration.ofHours(23));
			assertThat(length(day, "2026-03-29")).isEqualTo(Duration.ofHours(24));
		}

		@Test
		void startHourThatDoesNotExistBeginsTheDayWhenTheClocksLand() {
			var day = new DayBoundary(BERLIN, 2);
			assertThat(day.start(date("2026-03-29"))).isEqualTo(at("2026-03-29T01:00:00Z"));
			assertThat(day.reviewDay(at("2026-03-29T00:59:59Z"))).isEqualTo(date("2026-03-28"));
			assertThat(day.reviewDay(at("2026-03-29T01:00:00Z"))).isEqualTo(date("2026-03-29"));
			// Saturday 02:00 winter time to Sunday 03:00 summer time is a full day; Sunday loses the hour.
			assertThat(length(day, "2026-03-28")).isEqualTo(Duration.ofHours(24));
			assertThat(length(day, "2026-03-29")).isEqualTo(Duration.ofHours(23));
		}

		@Test
		void startHourBeforeTheJumpMakesTheFollowingDayTheShortOne() {
			var day = new DayBoundary(NEW_YORK, 1);
			assertThat(day.start(date("2026-03-08"))).isEqualTo(at("2026-03-08T06:00:00Z"));
			assertThat(day.start(date("2026-03-09"))).isEqualTo(at("2026-03-09T05:00:00Z"));
			assertThat(length(day, "2026-03-07")).isEqualTo(Duration.ofHours(24));
			assertThat(length(day, "2026-03-08")).isEqualTo(Duration.ofHours(23));
		}

		@Test
		void newYorkAtFourLosesAnHourOnTheSaturdayNight() {
			var day = DayBoundary.of(NEW_YORK);
			assertThat(day.start(date("2026-03-07"))).isEqualTo(at("2026-03-07T09:00:00Z"));
			assertThat(day.start(date("2026-03-08"))).isEqualTo(at("2026-03-08T08:00:00Z"));
			assertThat(day.reviewDay(at("2026-03-08T07:59:00Z"))).isEqualTo(date("2026-03-07"));
		}
	}

	@Nested
	class FallBack {

		@Test
		void dayAcrossTheRepeatedHourLasts25Hours() {
			var day = DayBoundary.of(BERLIN);
			assertThat(day.start(date("2026-10-25"))).isEqualTo(at("2026-10-25T03:00:00Z"));
			assertThat(length(day, "2026-10-24")).isEqualTo(Duration.ofHours(25));
			// 02:30 winter time, the second 02:30 of the night: still Saturday's review day.
			assertThat(day.reviewDay(at("2026-10-25T01:30:00Z"))).isEqualTo(date("2026-10-24"));
		}

		@Test
		void startHourThatOccursTwiceBeginsTheDayAtItsFirstOccurrence() {
			var day = new DayBoundary(BERLIN, 2);
			assertThat(day.start(date("2026-10-25"))).isEqualTo(at("2026-10-25T00:00:00Z"));
			// The first and the second 02:30 both belong to Sunday.
			assertThat(day.reviewDay(at("2026-10-25T00:30:00Z"))).isEqualTo(date("2026-10-25"));
			assertThat(day.reviewDay(at("2026-10-25T01:30:00Z"))).isEqualTo(date("2026-10-25"));
			assertThat(day.reviewDay(at("2026-10-24T23:59:59Z"))).isEqualTo(date("2026-10-24"));
			assertThat(length(day, "2026-10-24")).isEqualTo(Duration.ofHours(24));
			assertThat(length(day, "2026-10-25")).isEqualTo(Duration.ofHours(25));
		}

		@Test
		void newYorkStartingAtOneKeepsBothOneOClocksInTheNewDay() {
			var day = new DayBoundary(NEW_YORK, 1);
			assertThat(day.start(date("2026-11-01"))).isEqualTo(at("2026-11-01T05:00:00Z"));
			assertThat(day.reviewDay(at("2026-11-01T04:59:00Z"))).isEqualTo(date("2026-10-31"));
			assertThat(day.reviewDay(at("2026-11-01T06:30:00Z"))).isEqualTo(date("2026-11-01"));
			assertThat(length(day, "2026-11-01")).isEqualTo(Duration.ofHours(25));
		}

		@Test
		void newYorkAtFourGainsAnHourOnTheSaturdayNight() {
			var day = DayBoundary.of(NEW_YORK);
			assertThat(day.start(date("2026-10-31"))).isEqualTo(at("2026-10-31T08:00:00Z"));
			assertThat(day.start(date("2026-11-01"))).isEqualTo(at("2026-11-01T09:00:00Z"));
			assertThat(length(day, "2026-10-31")).isEqualTo(Duration.ofHours(25));
		}
	}

	static Duration length(DayBoundary boundary, String day) {
		var date = date(day);
		return Duration.between(boundary.start(date), boundary.end(date));
	}

	static Instant at(String text) {
		return Instant.parse(text);
	}

	static LocalDate date(String text) {
		return LocalDate.parse(text);
	}
}
