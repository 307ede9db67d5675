package io.morsel.reinforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** FSRS-6 as a learner meets it with the default parameters; FsrsReferenceTests checks every number against ts-fsrs. */
class FsrsTests {

	static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");

	final Fsrs fsrs = new Fsrs(FsrsParameters.DEFAULT);

	@Test
	void newCardRatedGoodWaitsTenMinutesForItsSecondLearningStep() {
		var card = fsrs.review(ReviewCard.fresh(NOW), NOW, Rating.GOOD);
		assertThat(card.state()).isEqualTo(CardState.LEARNING);
		assertThat(card.due()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
		assertThat(card.stability()).isEqualTo(2.3065);
		assertThat(card.step()).isEqualTo(1);
	}

	@Test
	void newCardRatedEasySkipsTheStepsAndComesBackInDays() {
		var card = fsrs.review(ReviewCard.fresh(NOW), NOW, Rating.EASY);
		assertThat(card.state()).isEqualTo(CardState.REVIEW);
		assertThat(card.scheduledDays()).isEqualTo(8);
		assertThat(card.due()).isEqualTo(NOW.plus(Duration.ofDays(8)));
	}

	@Test
	void lapseSendsAReviewCardToRelearningAndCountsIt() {
		var card = ReviewCard.fresh(NOW);
		for (var rating : List.of(Rating.GOOD, Rating.GOOD, Rating.GOOD)) {
			card = fsrs.review(card, card.state() == CardState.NEW ? NOW : card.due(), rating);
		}
		assertThat(card.state()).isEqualTo(CardState.REVIEW);
		var lapsed = fsrs.review(card, card.due(), Rating.AGAIN);
		assertThat(lapsed.state()).isEqualTo(CardState.RELEARNING);
		assertThat(lapsed.lapses()).isEqualTo(1);
		assertThat(lapsed.stability()).isLessThan(card.stability());
		assertThat(lapsed.due()).isEqualTo(card.due().plus(Duration.ofMinutes(10)));
	}

	@Test
	void retrievabilityIsTheDesiredRetentionAfterOneStability() {
		assertThat(fsrs.retrievability(10, 10)).isCloseTo(0.9, within(1e-7));
		assertThat(fsrs.retrievability(0, 10)).isEqualTo(1);
	}

	@Test
	void higherDesiredRetentionSchedulesSooner() {
		var strict = new Fsrs(FsrsParameters.DEFAULT.withDesiredRetention(0.95));
		var lax = new Fsrs(FsrsParameters.DEFAULT.withDesiredRetention(0.8));
		var first = ReviewCard.fresh(NOW);
		assertThat(strict.review(first, NOW, Rating.EASY).scheduledDays())
			.isLessThan(fsrs.review(first, NOW, Rating.EASY).scheduledDays())
			.isLessThan(lax.review(first, NOW, Rating.EASY).scheduledDays());
	}

	@Test
	void fuzzSpreadsIntervalsWithinTheirRangeAndRepeatsOnReplay() {
		var fuzzy = new Fsrs(FsrsParameters.DEFAULT.withFuzz(true));
		var card = fsrs.review(ReviewCard.fresh(NOW), NOW, Rating.EASY);
		card = fsrs.review(card, card.due(), Rating.EASY);
		var intervals = new ArrayList<Integer>();
		for (int i = 0; i < 50; i++) {
			var at = card.due().plusSeconds(i * 37L);
			int plain = fsrs.review(card, at, Rating.GOOD).scheduledDays();
			int fuzzed = fuzzy.review(card, at, Rating.GOOD).scheduledDays();
			assertThat(fuzzed).isBetween(Fsrs.fuzzed(plain, card.scheduledDays(), 36500, 0),
					Fsrs.fuzzed(plain, card.scheduledDays(), 36500, 0.999999));
			assertThat(fuzzy.review(card, at, Rating.GOOD).scheduledDays()).isEqualTo(fuzzed);
			intervals.add(fuzzed);
		}
		assertThat(intervals.stream().distinct().count()).isGreaterThan(3);
	}

	@Test
	void fuzzRangeFollowsTsFsrs() {
		assertThat(Fsrs.fuzzed(3, 0, 36500, 0)).isEqualTo(2);
		assertThat(Fsrs.fuzzed(3, 0, 36500, 0.999)).isEqualTo(4);
		assertThat(Fsrs.fuzzed(100, 0, 36500, 0)).isEqualTo(93);
		assertThat(Fsrs.fuzzed(100, 0, 36500, 0.999)).isEqualTo(107);
		assertThat(Fsrs.fuzzed(100, 99, 36500, 0)).isEqualTo(100);
		assertThat(Fsrs.fuzzed(100, 0, 100, 0.999)).isEqualTo(100);
	}

	@Test
	void maximumIntervalCapsEachRatingsIntervalWhileHardGoodAndEasyStayADayApart() {
		var capped = new Fsrs(FsrsParameters.DEFAULT.withMaximumInterval(5));
		var card = capped.review(ReviewCard.fresh(NOW), NOW, Rating.EASY);
		for (int i = 0; i < 5; i++) {
			card = capped.review(card, card.due(), Rating.EASY);
			var at = card.due();
			assertThat(capped.review(card, at, Rating.HARD).scheduledDays()).isEqualTo(5);
			assertThat(capped.review(card, at, Rating.GOOD).scheduledDays()).isEqualTo(6);
			assertThat(capped.review(card, at, Rating.EASY).scheduledDays()).isEqualTo(7);
		}
	}

	@Test
	void refusesAReviewBeforeTheLastOne() {
		var card = fsrs.review(ReviewCard.fresh(NOW), NOW, Rating.GOOD);
		assertThatThrownBy(() -> fsrs.review(card, NOW.minusSeconds(1), Rating.GOOD))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void weightsOutsideTheirRangesOrOfTheWrongCountCannotBeBuilt() {
		assertThatThrownBy(() -> Weights.DEFAULT.with(7, 0.9)).hasMessageContaining("w7")
			.hasMessageContaining("between 0.001 and 0.75");
		assertThatThrownBy(() -> Weights.DEFAULT.with(0, Double.NaN)).hasMessageContaining("finite");
		assertThatThrownBy(() -> new Weights(Weights.DEFAULT.values().subList(0, 19)))
			.hasMessageContaining("21 weights");
		assertThatThrownBy(() -> FsrsParameters.DEFAULT.withWeights(Weights.DEFAULT.with(19, 0)))
			.hasMessageContaining("w19");
		assertThat(FsrsParameters.DEFAULT.withShortTerm(false).withWeights(Weights.DEFAULT.with(19, 0))).isNotNull();
	}

	@Test
	void desiredRetentionIsStrictlyBetweenZeroAndOne() {
		assertThatThrownBy(() -> FsrsParameters.DEFAULT.withDesiredRetention(1)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> FsrsParameters.DEFAULT.withDesiredRetention(0)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void stepsAreMinutesHoursOrDays() {
		assertThat(Step.parse("10m").minutes()).isEqualTo(10);
		assertThat(Step.parse("2h").minutes()).isEqualTo(120);
		assertThat(Step.parse("1d").minutes()).isEqualTo(1440);
		assertThat(Step.parse("90m")).hasToString("90m");
		assertThat(Step.parse("120m")).hasToString("2h");
		for (var bad : List.of("1x", "m", "1.5m", "-1m", " 1m", "1 m", "")) {
			assertThatThrownBy(() -> Step.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
		}
	}

	@Test
	void ratingsAreGradesOneToFour() {
		assertThat(Rating.of(1)).isEqualTo(Rating.AGAIN);
		assertThat(Rating.of(4)).isEqualTo(Rating.EASY);
		assertThatThrownBy(() -> Rating.of(0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Rating.of(5)).isInstanceOf(IllegalArgumentException.class);
	}
}
