package io.morsel.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.morsel.shared.InvalidValueException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The time an answer given offline was given: taken within a week, never in the future. */
class AnsweredAtTests {

	private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

	@Test
	void noTimeSentMeansAnsweredNow() {
		assertThat(AnsweredAt.parse(null, NOW)).isNull();
		assertThat(AnsweredAt.parse(" ", NOW)).isNull();
	}

	@Test
	void aTimeWithinTheLastWeekIsTakenAsItWas() {
		var hourAgo = NOW.minus(Duration.ofHours(1));
		assertThat(AnsweredAt.parse(String.valueOf(hourAgo.toEpochMilli()), NOW)).isEqualTo(hourAgo);
		assertThat(AnsweredAt.of(NOW.minus(Duration.ofDays(7)), NOW)).isEqualTo(NOW.minus(Duration.ofDays(7)));
	}

	@Test
	void aDeviceClockALittleAheadIsTakenAsNowAndOneFurtherAheadIsRefused() {
		assertThat(AnsweredAt.of(NOW.plusSeconds(90), NOW)).isEqualTo(NOW);
		assertThatThrownBy(() -> AnsweredAt.of(NOW.plus(Duration.ofMinutes(3)), NOW))
			.isInstanceOf(InvalidValueException.class)
			.hasMessageContaining("future");
	}

	@Test
	void anAnswerOlderThanAWeekIsRefusedInPlainWords() {
		assertThatThrownBy(() -> AnsweredAt.of(NOW.minus(Duration.ofDays(7)).minusMillis(1), NOW))
			.isInstanceOf(InvalidValueException.class)
			.hasMessage("An answer given more than 7 days ago is too old to be stored");
	}

	@Test
	void aTimeThatIsNotANumberIsRefused() {
		assertThatThrownBy(() -> AnsweredAt.parse("yesterday", NOW)).isInstanceOf(InvalidValueException.class)
			.hasMessageContaining("milliseconds");
	}
}
