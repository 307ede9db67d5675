package io.morsel.learning.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A due date is shown in red only when it is near (within two days of the learner's today) or past. */
class DueUrgencyTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 15);

	@Test
	void aDueDateFurtherThanTwoDaysAwayIsNotUrgent() {
		assertThat(TodayPage.urgency(TODAY.plusDays(3), TODAY)).isEmpty();
		assertThat(TodayPage.urgency(TODAY.plusYears(1), TODAY)).isEmpty();
	}

	@Test
	void todayTomorrowAndTheDayAfterAreNear() {
		assertThat(TodayPage.urgency(TODAY, TODAY)).isEqualTo("near");
		assertThat(TodayPage.urgency(TODAY.plusDays(1), TODAY)).isEqualTo("near");
		assertThat(TodayPage.urgency(TODAY.plusDays(2), TODAY)).isEqualTo("near");
	}

	@Test
	void yesterdayIsPast() {
		assertThat(TodayPage.urgency(TODAY.minusDays(1), TODAY)).isEqualTo("past");
	}
}
