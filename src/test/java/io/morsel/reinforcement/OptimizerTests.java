package io.morsel.reinforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.morsel.reinforcement.Optimizer.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OptimizerTests {

	/**
	 * A learner unlike FSRS-6's defaults: longer first stabilities, slower growth after recall, and a much steeper
	 * forgetting curve (w20 0.6 against 0.1542).
	 */
	static final Weights TRUTH = new Weights(List.of(0.8, 2.5, 6.0, 20.0, 5.0, 1.5, 1.5, 0.05, 1.2, 0.35, 1.5, 2.5,
			0.1, 0.5, 2.5, 0.3, 2.5, 0.6, 0.2, 0.1, 0.6));

	private final Optimizer optimizer = new Optimizer(Optimizer.Settings.DEFAULT);

	@Test
	void fitPredictsALearnerBetterThanTheDefaults() {
		var log = new ReviewLogSimulator(TRUTH, FsrsParameters.DEFAULT).simulate(700, 12, 8);

		var fit = optimizer.fit(log, FsrsParameters.DEFAULT);
		var truth = optimizer.evaluate(log, FsrsParameters.DEFAULT.withWeights(TRUTH));
		var fitted = optimizer.evaluate(log, FsrsParameters.DEFAULT.withWeights(fit.fitted()));

		System.out.printf("simulated from other weights: %d reviews, held-out %d; before log loss %.4f RMSE %.4f;"
				+ " after log loss %.4f RMSE %.4f; %d steps; fitted %s%n", fit.reviews(), fit.after().reviews(),
				fit.before().logLoss(), fit.before().rmseBins(), fit.after().logLoss(), fit.after().rmseBins(),
				fit.steps(), fit.fitted().values());
		assertThat(fit.outcome()).isEqualTo(Outcome.IMPROVED);
		assertThat(fit.after().logLoss()).isLessThan(fit.before().logLoss() - 0.01);
		assertThat(fit.after().rmseBins()).isLessThan(fit.before().rmseBins());
		assertThat(fit.weightsToUse()).isEqualTo(fit.fitted());
		// as good as the weights the learner was simulated with, on the whole log
		assertThat(fitted.logLoss()).isCloseTo(truth.logLoss(), within(0.003));
	}

	@Test
	void fitClaimsNoLargeImprovementOnALearnerTheDefaultsDescribe() {
		var log = new ReviewLogSimulator(Weights.DEFAULT, FsrsParameters.DEFAULT).simulate(700, 12, 11);

		var fit = optimizer.fit(log, FsrsParameters.DEFAULT);

		System.out.printf("simulated from the defaults: %s; before log loss %.4f RMSE %.4f; after log loss %.4f RMSE"
				+ " %.4f%n", fit.outcome(), fit.before().logLoss(), fit.before().rmseBins(), fit.after().logLoss(),
				fit.after().rmseBins());
		assertThat(fit.after().logLoss()).isGreaterThan(fit.before().logLoss() - 0.01);
	}

	@Test
	void fewerReviewsThanTheMinimumAreNotEnoughHistory() {
		var log = new ReviewLogSimulator(TRUTH, FsrsParameters.DEFAULT).simulate(50, 12, 3);

		var fit = optimizer.fit(log, FsrsParameters.DEFAULT);

		assertThat(log).hasSizeLessThan(1000);
		assertThat(fit.outcome()).isEqualTo(Outcome.NOT_ENOUGH_HISTORY);
		assertThat(fit.fitted()).isNull();
		assertThat(fit.weightsToUse()).isEqualTo(Weights.DEFAULT);
		var lower = new Optimizer(Optimizer.Settings.DEFAULT.withMinimumReviews(100));
		assertThat(lower.fit(log, FsrsParameters.DEFAULT).outcome()).isNotEqualTo(Outcome.NOT_ENOUGH_HISTORY);
	}

	@Test
	void onlyFirstReviewsAreNotEnoughHistory() {
		var log = new ArrayList<LoggedReview>();
		for (int i = 0; i < 1200; i++) {
			log.add(new LoggedReview(new UUID(1, i), ReviewLogSimulator.START.plusSeconds(i), Rating.GOOD));
		}

		var fit = optimizer.fit(log, FsrsParameters.DEFAULT);

		assertThat(fit.outcome()).isEqualTo(Outcome.NOT_ENOUGH_HISTORY);
		assertThat(fit.reviews()).isEqualTo(1200);
	}

	@Test
	void aLogOfOnlyAgainFitsFiniteWeights() {
		var fit = optimizer.fit(everyReview(Rating.AGAIN, 3), FsrsParameters.DEFAULT);

		assertFinite(fit);
		assertThat(fit.after().logLoss()).isLessThan(fit.before().logLoss());
	}

	@Test
	void aLogOfOnlyEasyFitsFiniteWeights() {
		var fit = optimizer.fit(everyReview(Rating.EASY, 3), FsrsParameters.DEFAULT);

		assertFinite(fit);
		assertThat(fit.after().logLoss()).isLessThanOrEqualTo(fit.before().logLoss());
	}

	@Test
	void gapsOfDecadesAndSameInstantReviewsStayFinite() {
		var log = new ArrayList<LoggedReview>();
		var random = new SplittableRandom(5);
		for (int c = 0; c < 300; c++) {
			var at = ReviewLogSimulator.START;
			for (int r = 0; r < 5; r++) {
				log.add(new LoggedReview(new UUID(2, c), at, Rating.of(1 + random.nextInt(4))));
				at = at.plus(switch (random.nextInt(4)) {
					case 0 -> Duration.ZERO;
					case 1 -> Duration.ofDays(1);
					case 2 -> Duration.ofDays(365L * (1 + random.nextInt(60)));
					default -> Duration.ofMinutes(random.nextInt(600));
				});
			}
		}

		assertFinite(optimizer.fit(log, FsrsParameters.DEFAULT));
		assertFinite(optimizer.fit(log, FsrsParameters.DEFAULT.withShortTerm(false)));
	}

	@Test
	void theSameLogGivesTheSameWeights() {
		var log = new ReviewLogSimulator(TRUTH, FsrsParameters.DEFAULT).simulate(150, 10, 9);
		var reversed = new ArrayList<>(log);
		java.util.Collections.reverse(reversed);

		assertThat(optimizer.fit(reversed, FsrsParameters.DEFAULT)).isEqualTo(optimizer.fit(log, FsrsParameters.DEFAULT));
	}

	@Test
	void twoRelearningStepsKeepW17AndW18UnderTheirCeiling() {
		var parameters = FsrsParameters.DEFAULT.withSteps(FsrsParameters.DEFAULT_LEARNING_STEPS,
				List.of(Step.parse("10m"), Step.parse("1h")));
		var log = new ReviewLogSimulator(TRUTH, parameters).simulate(150, 10, 13);

		var fitted = optimizer.fit(log, parameters).fitted();

		double[] lowered = fitted.values().stream().mapToDouble(Double::doubleValue).toArray();
		Fsrs.lowerShortTermCeiling(lowered, 2);
		assertThat(fitted.w(17)).isEqualTo(lowered[17]);
		assertThat(fitted.w(18)).isEqualTo(lowered[18]);
	}

	@Test
	void forwardModeGradientMatchesFiniteDifferences() {
		var cards = new ArrayList<>(Optimizer.cards(new ReviewLogSimulator(TRUTH, FsrsParameters.DEFAULT)
			.simulate(40, 12, 17)).values());
		double[] w = TRUTH.values().stream().mapToDouble(Double::doubleValue).toArray();
		double[] gradient = new double[Weights.COUNT];
		for (var card : cards) {
			new MemoryModel(w, true).replay(card, gradient, null);
		}
		for (int i = 0; i < Weights.COUNT; i++) {
			double h = 1e-6 * Math.max(1, Math.abs(w[i]));
			double[] up = w.clone();
			double[] down = w.clone();
			up[i] += h;
			down[i] -= h;
			double numeric = (loss(cards, up) - loss(cards, down)) / (2 * h);
			assertThat(gradient[i]).as("∂loss/∂w%d", i).isCloseTo(numeric, within(1e-4 * Math.max(1, Math.abs(numeric))));
		}
	}

	@Test
	void modelPredictsTheSchedulersRetrievability() {
		var log = new ReviewLogSimulator(TRUTH, FsrsParameters.DEFAULT).simulate(1, 12, 19);
		var fsrs = new Fsrs(FsrsParameters.DEFAULT.withWeights(TRUTH));
		var card = ReviewCard.fresh(log.getFirst().at());
		var expected = new ArrayList<Double>();
		for (var review : log) {
			if (card.lastReview() != null) {
				int days = Fsrs.utcDaysBetween(card.lastReview().toEpochMilli(), review.at().toEpochMilli());
				if (days > 0) {
					expected.add(fsrs.retrievability(days, card.stability()));
				}
			}
			card = fsrs.review(card, review.at(), review.rating());
		}
		var predicted = new ArrayList<Double>();
		double[] w = TRUTH.values().stream().mapToDouble(Double::doubleValue).toArray();
		new MemoryModel(w, true).replay(Optimizer.cards(log).values().iterator().next(), null,
				(recall, recalled, days, number, lapses) -> predicted.add(recall));

		assertThat(predicted).hasSameSizeAs(expected).isNotEmpty();
		for (int i = 0; i < expected.size(); i++) {
			assertThat(predicted.get(i)).isCloseTo(expected.get(i), within(1e-5));
		}
	}

	private static double loss(List<MemoryModel.CardHistory> cards, double[] w) {
		var model = new MemoryModel(w, true);
		double loss = 0;
		for (var card : cards) {
			loss += model.replay(card, null, null);
		}
		return loss;
	}

	/** 400 cards of {@code reviews} reviews each, all rated alike, a day to a month apart. */
	private static List<LoggedReview> everyReview(Rating rating, int reviews) {
		var log = new ArrayList<LoggedReview>();
		var random = new SplittableRandom(23);
		for (int c = 0; c < 400; c++) {
			Instant at = ReviewLogSimulator.START;
			for (int r = 0; r < reviews; r++) {
				log.add(new LoggedReview(new UUID(3, c), at, rating));
				at = at.plus(Duration.ofDays(1 + random.nextInt(30)));
			}
		}
		return log;
	}

	private static void assertFinite(Optimizer.Fit fit) {
		assertThat(fit.outcome()).isNotEqualTo(Outcome.NOT_ENOUGH_HISTORY);
		assertThat(fit.fitted().values()).allMatch(Double::isFinite);
		assertThat(List.of(fit.before().logLoss(), fit.before().rmseBins(), fit.after().logLoss(),
				fit.after().rmseBins())).allMatch(Double::isFinite);
		new Fsrs(FsrsParameters.DEFAULT.withWeights(fit.weightsToUse()));
	}
}
