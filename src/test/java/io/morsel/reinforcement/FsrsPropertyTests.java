package io.morsel.reinforcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

/**
 * Properties FSRS-6 keeps for any weights in their ranges and any review history: a good review never shortens a
 * review card's interval nor lowers its stability, retrievability stays a probability, and nothing
 * overflows into NaN or infinity, even with every weight at a bound of its range or a century between reviews.
 */
class FsrsPropertyTests {

	static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

	/**
	 * A card in review rated good on its due date or later is next due after at least as many days as the last
	 * interval, whenever that interval was the one the card's stability gave. (An interval can be longer: hard, good
	 * and easy are kept a day apart, and a step of a day graduates with that day; good after a third-day "easy" of a
	 * card stable for an hour may come back in two.)
	 */
	@Property(tries = 1000, seed = "20261130")
	void goodNeverShortensTheIntervalOfAReviewCard(@ForAll("parameters") FsrsParameters parameters,
			@ForAll("histories") List<Review> history, @ForAll @IntRange(min = 0, max = 2000) int lateBy) {
		var fsrs = new Fsrs(parameters);
		var card = replay(fsrs, history);
		if (card.state() != CardState.REVIEW
				|| card.scheduledDays() != fsrs.nextInterval(card.stability(), card.elapsedDays(), 0)) {
			return;
		}
		Statistics.collect("checked");
		var next = fsrs.review(card, card.due().plus(Duration.ofHours(lateBy)), Rating.GOOD);
		assertThat(next.state()).isEqualTo(CardState.REVIEW);
		assertThat(next.scheduledDays()).as("after %s, reviewed %d h late", card, lateBy)
			.isGreaterThanOrEqualTo(card.scheduledDays());
	}

	/**
	 * With any weights, good never lowers a review card's stability, so never schedules sooner than its stability did.
	 * (The last interval itself may be longer than its stability warrants: hard, good and easy are kept a day apart,
	 * and a step of a day graduates with that day. With extreme weights, good after such an interval can come sooner.)
	 */
	@Property(tries = 500, seed = "20261130")
	void goodNeverLowersTheStabilityOfAReviewCard(@ForAll("parameters") FsrsParameters parameters,
			@ForAll("histories") List<Review> history, @ForAll @IntRange(min = 0, max = 2000) int lateBy) {
		var fsrs = new Fsrs(parameters);
		var card = replay(fsrs, history);
		if (card.state() != CardState.REVIEW) {
			return;
		}
		var next = fsrs.review(card, card.due().plus(Duration.ofHours(lateBy)), Rating.GOOD);
		assertThat(next.stability()).as("after %s", card).isGreaterThanOrEqualTo(card.stability());
		int elapsed = next.elapsedDays();
		assertThat(next.scheduledDays()).isGreaterThanOrEqualTo(fsrs.nextInterval(card.stability(), elapsed, 0));
	}

	@Property(tries = 500, seed = "20261130")
	void retrievabilityStaysBetweenZeroAndOne(@ForAll("weights") Weights weights,
			@ForAll @DoubleRange(min = 0, max = 36500 * 3) double elapsedDays,
			@ForAll @DoubleRange(min = 0.001, max = 36500) @Scale(6) double stability) {
		var fsrs = new Fsrs(FsrsParameters.DEFAULT.withShortTerm(false).withWeights(weights));
		assertThat(fsrs.retrievability(elapsedDays, stability)).isBetween(0.0, 1.0);
	}

	@Property(tries = 300, seed = "20261130")
	void extremeWeightsAndCenturyLongGapsStayFinite(@ForAll("boundWeights") Weights weights,
			@ForAll("histories") List<Review> history, @ForAll boolean shortTerm,
			@ForAll @DoubleRange(min = 0.01, max = 0.99) double retention) {
		var parameters = FsrsParameters.DEFAULT.withShortTerm(false).withWeights(weights).withShortTerm(false)
			.withDesiredRetention(retention);
		if (shortTerm && weights.w(19) >= FsrsParameters.SHORT_TERM_W19_MIN) {
			parameters = parameters.withShortTerm(true);
		}
		var fsrs = new Fsrs(parameters);
		var card = ReviewCard.fresh(START);
		for (var review : history) {
			card = fsrs.review(card, review.at(), review.rating());
			assertFinite(card);
		}
		var century = card.lastReview() == null ? START : card.lastReview().plus(Duration.ofDays(36525));
		for (var rating : Rating.values()) {
			var later = fsrs.review(card, century, rating);
			assertFinite(later);
			assertThat(fsrs.retrievability(36525, Math.max(card.stability(), 0.001))).isBetween(0.0, 1.0);
		}
	}

	static void assertFinite(ReviewCard card) {
		assertThat(card.stability()).as("stability of %s", card).isFinite().isBetween(0.001, 36500.0);
		assertThat(card.difficulty()).as("difficulty of %s", card).isFinite().isBetween(1.0, 10.0);
		assertThat(card.scheduledDays()).isNotNegative();
		assertThat(card.due()).isAfterOrEqualTo(card.lastReview());
	}

	static ReviewCard replay(Fsrs fsrs, List<Review> history) {
		var card = ReviewCard.fresh(START);
		for (var review : history) {
			card = fsrs.review(card, review.at(), review.rating());
		}
		return card;
	}

	Arbitrary<List<Step>> steps() {
		return Arbitraries.of(List.<Step>of(), List.of(new Step(1), new Step(10)), List.of(new Step(10)),
				List.of(new Step(30), new Step(1440)));
	}

	@Provide
	Arbitrary<FsrsParameters> parameters() {
		var retention = Arbitraries.doubles().between(0.7, 0.97);
		return Combinators.combine(weights(), retention, steps(), steps(), Arbitraries.of(true, false))
			.as((weights, r, learning, relearning, shortTerm) -> {
				var parameters = FsrsParameters.DEFAULT.withShortTerm(false).withWeights(weights).withDesiredRetention(r)
					.withSteps(learning, relearning);
				return shortTerm && weights.w(19) >= FsrsParameters.SHORT_TERM_W19_MIN ? parameters.withShortTerm(true)
						: parameters;
			});
	}

	/** Every weight anywhere in its range. */
	@Provide
	Arbitrary<Weights> weights() {
		var each = new ArrayList<Arbitrary<Double>>();
		for (int i = 0; i < Weights.COUNT; i++) {
			each.add(Arbitraries.doubles().between(Weights.min(i), Weights.max(i)).ofScale(6));
		}
		return Combinators.combine(each).as(Weights::new);
	}

	/** Every weight at the lower or upper bound of its range. */
	@Provide
	Arbitrary<Weights> boundWeights() {
		var each = new ArrayList<Arbitrary<Double>>();
		for (int i = 0; i < Weights.COUNT; i++) {
			each.add(Arbitraries.of(Weights.min(i), Weights.max(i)));
		}
		return Combinators.combine(each).as(Weights::new);
	}

	/** Up to 30 reviews, each from seconds to a century after the one before, with any rating. */
	@Provide
	Arbitrary<List<Review>> histories() {
		var gap = Arbitraries.oneOf(Arbitraries.longs().between(0, 3_600_000),
				Arbitraries.longs().between(0, 40L * 86_400_000), Arbitraries.longs().between(0, 36525L * 86_400_000));
		var next = Combinators.combine(gap, Arbitraries.integers().between(1, 4)).as(Gap::new);
		return next.list().ofMinSize(1).ofMaxSize(30).map(steps -> {
			var reviews = new ArrayList<Review>();
			var at = START;
			for (var s : steps) {
				at = at.plusMillis(s.gap());
				reviews.add(new Review(at, Rating.of(s.rating())));
			}
			return reviews;
		});
	}

	/** A review as a gap after the one before and a rating. */
	record Gap(long gap, int rating) {
	}
}
