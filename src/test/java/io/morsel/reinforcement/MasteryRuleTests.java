package io.morsel.reinforcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mastery rule over a skill's cards, with FSRS-6's default forgetting curve and the default thresholds. */
class MasteryRuleTests {

	private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

	private final MasteryRule rule = new MasteryRule(new Fsrs(FsrsParameters.DEFAULT), MasteryThresholds.DEFAULT);

	@Test
	void anItemRightOnTwoDaysTheLastThreeDaysAfterTheOneBeforeHolds() {
		assertThat(rule.holds(List.of(right(0), right(3)))).isTrue();
		assertThat(rule.holds(List.of(right(0), wrong(1), right(4)))).isTrue();
	}

	@Test
	void anItemRightOnOneDayOnlyDoesNotHoldHoweverOftenItWasRight() {
		assertThat(rule.holds(List.of(right(0)))).isFalse();
		assertThat(rule.holds(List.of(right(0), rightAt(Duration.ofHours(2)), rightAt(Duration.ofHours(5))))).isFalse();
	}

	@Test
	void theLastReviewMustComeThreeDaysOrMoreAfterTheOneBefore() {
		assertThat(rule.holds(List.of(right(0), right(2)))).isFalse();
		assertThat(rule.holds(List.of(right(0), right(3), right(4)))).isFalse();
	}

	@Test
	void anItemWhoseLatestReviewWasWrongDoesNotHold() {
		assertThat(rule.holds(List.of(right(0), right(3), wrong(7)))).isFalse();
	}

	@Test
	void aSkillIsMasteredWhenEveryItemHoldsAndItsWeakestRecallIsHighEnough() {
		var strong = item(40, 3, right(0), right(3));
		var weaker = item(10, 4, right(0), right(4));

		var standing = rule.judge(List.of(strong, weaker), false, at(6));

		assertThat(standing.status()).isEqualTo(MasteryStatus.MASTERED);
		assertThat(standing.items()).isEqualTo(2);
		// The skill's recall is its weakest card's: 10 days' stability, two days on (well above 0.85).
		assertThat(standing.recall()).isEqualTo(rule.recall(weaker, at(6))).isLessThan(rule.recall(strong, at(6)));
		assertThat(standing.stability()).isEqualTo(10);
		assertThat(standing.lastReviewedAt()).isEqualTo(at(4));
		assertThat(standing.lapsesAt()).isAfter(at(6));
	}

	@Test
	void oneItemShortOfTheRuleKeepsTheSkillLearning() {
		var standing = rule.judge(List.of(item(20, 3, right(0), right(3)), item(5, 0, right(0))), false, at(3));

		assertThat(standing.status()).isEqualTo(MasteryStatus.LEARNING);
	}

	@Test
	void masteryLapsesWhenTheWeakestRecallFallsBelowTheThreshold() {
		var item = item(10, 3, right(0), right(3));
		var standing = rule.judge(List.of(item), false, at(3));
		var lapsesAt = standing.lapsesAt();

		// Recall is 0.85 when it lapses; a day before it still holds, a day after it no longer does.
		assertThat(rule.recall(item, lapsesAt)).isCloseTo(0.85, org.assertj.core.data.Offset.offset(1e-6));
		assertThat(rule.judge(List.of(item), true, lapsesAt.minus(Duration.ofDays(1))).status())
			.isEqualTo(MasteryStatus.MASTERED);
		assertThat(rule.judge(List.of(item), true, lapsesAt.plus(Duration.ofDays(1))).status())
			.isEqualTo(MasteryStatus.LAPSED);
		assertThat(rule.judge(List.of(item), false, lapsesAt.plus(Duration.ofDays(1))).status())
			.isEqualTo(MasteryStatus.LEARNING);
	}

	@Test
	void aSkillWithoutCardsIsNotStarted() {
		assertThat(rule.judge(List.of(), false, at(0)).status()).isEqualTo(MasteryStatus.NOT_STARTED);
	}

	@Test
	void organisationsSetTheirOwnThresholds() {
		var lenient = new MasteryRule(new Fsrs(FsrsParameters.DEFAULT), new MasteryThresholds(0.7, 1, 0));

		assertThat(lenient.holds(List.of(right(0)))).isTrue();
		assertThat(rule.holds(List.of(right(0)))).isFalse();
	}

	private static MasteryRule.Item item(double stability, int lastDay, MasteryRule.Answer... answers) {
		return new MasteryRule.Item(stability, at(lastDay), List.of(answers));
	}

	private static MasteryRule.Answer right(int day) {
		return new MasteryRule.Answer(at(day), true);
	}

	private static MasteryRule.Answer rightAt(Duration after) {
		return new MasteryRule.Answer(START.plus(after), true);
	}

	private static MasteryRule.Answer wrong(int day) {
		return new MasteryRule.Answer(at(day), false);
	}

	private static Instant at(int day) {
		return START.plus(Duration.ofDays(day));
	}
}
