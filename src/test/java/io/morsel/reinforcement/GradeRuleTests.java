package io.morsel.reinforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The rule of docs/reinforcement.md that turns an answer into a rating, thresholds included. */
class GradeRuleTests {

	final GradeRule rule = GradeRule.DEFAULT;

	@Test
	void wrongAnswerWithLittleCreditIsForgotten() {
		assertThat(rule.rate(false, 0, seconds(5))).isEqualTo(Rating.AGAIN);
		assertThat(rule.rate(false, 0.49, null)).isEqualTo(Rating.AGAIN);
	}

	@Test
	void wrongAnswerWithHalfTheCreditOrMoreIsHard() {
		assertThat(rule.rate(false, 0.5, seconds(3))).isEqualTo(Rating.HARD);
		assertThat(rule.rate(false, 2.0 / 3, seconds(60))).isEqualTo(Rating.HARD);
	}

	@Test
	void rightAnswerIsEasyWithinEightSecondsGoodWithinThirtyAndHardAfter() {
		assertThat(rule.rate(true, 1, Duration.ZERO)).isEqualTo(Rating.EASY);
		assertThat(rule.rate(true, 1, seconds(8))).isEqualTo(Rating.EASY);
		assertThat(rule.rate(true, 1, Duration.ofMillis(8001))).isEqualTo(Rating.GOOD);
		assertThat(rule.rate(true, 1, seconds(30))).isEqualTo(Rating.GOOD);
		assertThat(rule.rate(true, 1, Duration.ofMillis(30001))).isEqualTo(Rating.HARD);
	}

	@Test
	void rightAnswerInUnknownTimeIsGood() {
		assertThat(rule.rate(true, 1, null)).isEqualTo(Rating.GOOD);
	}

	@Test
	void thresholdsCanBeChanged() {
		var strict = new GradeRule(0.75, seconds(3), seconds(10));
		assertThat(strict.rate(false, 0.6, null)).isEqualTo(Rating.AGAIN);
		assertThat(strict.rate(true, 1, seconds(5))).isEqualTo(Rating.GOOD);
		assertThat(strict.rate(true, 1, seconds(11))).isEqualTo(Rating.HARD);
	}

	@Test
	void refusesCreditOutsideZeroToOneNegativeTimesAndThresholdsOutOfOrder() {
		assertThatThrownBy(() -> rule.rate(true, 1.5, null)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> rule.rate(false, Double.NaN, null)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> rule.rate(true, 1, seconds(-1))).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new GradeRule(0.5, seconds(30), seconds(8)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new GradeRule(0, seconds(8), seconds(30))).isInstanceOf(IllegalArgumentException.class);
	}

	private static Duration seconds(long seconds) {
		return Duration.ofSeconds(seconds);
	}
}
