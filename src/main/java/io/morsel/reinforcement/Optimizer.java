package io.morsel.reinforcement;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Fits FSRS-6's 21 weights to a review log, the way the FSRS optimizer (fsrs-rs) does, and keeps them only if they
 * predict recall better than the weights in use on reviews the fit never saw (docs/reinforcement.md, "Fitting the
 * weights"). Pure: no I/O, no clock but the time budget; the same log and settings give the same weights.
 *
 * <ol>
 * <li>Cards are split, by a hash of their id, into a training part and a held-out part ({@code heldOutShare}).</li>
 * <li>Each review after a card's first, on a later UTC day than the review before, is a prediction: recall (rating
 * above again) against the forgetting curve at the elapsed days. Same-day reviews are not predicted but change
 * stability through FSRS-6's short-term formula, as in the scheduler.</li>
 * <li>w0…w3 start from the first-rating groups ({@link InitialStability}), the rest from the weights in use.</li>
 * <li>Adam minimises the mean log loss of the training predictions plus fsrs-rs's L2 pull towards the starting
 * weights (scaled by each weight's spread across FSRS users), in mini-batches of whole cards, shuffled with a fixed
 * seed, with a cosine-annealed learning rate; after each step the weights are clamped into their ranges. The exact
 * gradient comes from forward-mode differentiation ({@link MemoryModel}); see {@link WeightDescent}. The best epoch's weights are kept; a cap on
 * steps and a time budget stop it early.</li>
 * <li>The fitted and the current weights are evaluated on the held-out predictions; the fitted ones win only with a
 * lower log loss and a binned RMSE no higher ({@link Evaluation#beats}).</li>
 * </ol>
 */
public final class Optimizer {

	/**
	 * How the optimizer works.
	 *
	 * @param minimumReviews the fewest reviews in the log before weights are fitted
	 * @param heldOutShare the share of cards kept out of the fit to judge it, above 0 and below 1
	 * @param epochs passes over the training cards
	 * @param minimumSteps the fewest Adam steps: small logs, of a few batches, get more epochs
	 * @param batchSize predictions per Adam step (whole cards, so a little more)
	 * @param learningRate Adam's learning rate at the start of the cosine schedule
	 * @param gamma the strength of the pull towards the starting weights (0: none)
	 * @param maximumSteps a cap on Adam steps, whatever the epochs
	 * @param timeBudget the longest the fit may run; it stops with the best weights so far
	 * @param seed the seed of the shuffling and of the held-out split
	 */
	public record Settings(int minimumReviews, double heldOutShare, int epochs, int minimumSteps, int batchSize,
			double learningRate, double gamma, int maximumSteps, Duration timeBudget, long seed) {

		/**
		 * fsrs-rs's training settings (5 epochs, batches of 512, learning rate 0.04, gamma 1, seed 2023), with at least
		 * 100 steps (fsrs-rs makes 5 on a log of one batch), 1,000 reviews at least, a fifth of the cards held out.
		 */
		public static final Settings DEFAULT = new Settings(1000, 0.2, 5, 100, 512, 0.04, 1, 5000,
				Duration.ofSeconds(60), 2023);

		public Settings {
			if (minimumReviews < 0) {
				throw new IllegalArgumentException("The minimum number of reviews cannot be negative");
			}
			if (!(heldOutShare > 0 && heldOutShare < 1)) {
				throw new IllegalArgumentException("The held-out share must be between 0 and 1 (exclusive)");
			}
			if (epochs < 0 || minimumSteps < 0 || batchSize < 1 || maximumSteps < 0) {
				throw new IllegalArgumentException("Epochs and steps cannot be negative, nor batches empty");
			}
			if (!(learningRate > 0 && learningRate < Double.POSITIVE_INFINITY)
					|| !(gamma >= 0 && gamma < Double.POSITIVE_INFINITY)) {
				throw new IllegalArgumentException("The learning rate must be positive and gamma not negative");
			}
			if (timeBudget.isNegative()) {
				throw new IllegalArgumentException("The time budget cannot be negative");
			}
		}

		public Settings withMinimumReviews(int minimumReviews) {
			return new Settings(minimumReviews, heldOutShare, epochs, minimumSteps, batchSize, learningRate, gamma, maximumSteps,
					timeBudget, seed);
		}

		public Settings withEpochs(int epochs) {
			return new Settings(minimumReviews, heldOutShare, epochs, minimumSteps, batchSize, learningRate, gamma, maximumSteps,
					timeBudget, seed);
		}

		public Settings withTimeBudget(Duration timeBudget) {
			return new Settings(minimumReviews, heldOutShare, epochs, minimumSteps, batchSize, learningRate, gamma, maximumSteps,
					timeBudget, seed);
		}
	}

	/** What a fit concluded. */
	public enum Outcome {
		/** Fewer reviews than the minimum, or none that can be predicted in the training or the held-out cards. */
		NOT_ENOUGH_HISTORY,
		/** The fitted weights predicted the held-out reviews better: use them. */
		IMPROVED,
		/** The fitted weights were no better on the held-out reviews: the current ones stay. */
		CURRENT_STAYS
	}

	/**
	 * The result of a fit: the outcome, the number of reviews in the log, the weights in use, and — when there was
	 * enough history — the fitted weights and both sets' evaluation on the held-out reviews.
	 */
	public record Fit(Outcome outcome, int reviews, Weights current, @Nullable Weights fitted,
			@Nullable Evaluation before, @Nullable Evaluation after, int steps) {

		/** The weights to schedule with from now on. */
		public Weights weightsToUse() {
			return outcome == Outcome.IMPROVED && fitted != null ? fitted : current;
		}
	}

	private final Settings settings;

	public Optimizer(Settings settings) {
		this.settings = settings;
	}

	public Settings settings() {
		return settings;
	}

	/** Fits weights to {@code reviews} (in any order) for a scheduler now using {@code current}. */
	public Fit fit(List<LoggedReview> reviews, FsrsParameters current) {
		var weights = current.weights();
		if (reviews.size() < settings.minimumReviews()) {
			return new Fit(Outcome.NOT_ENOUGH_HISTORY, reviews.size(), weights, null, null, null, 0);
		}
		var training = new ArrayList<MemoryModel.CardHistory>();
		var heldOut = new ArrayList<MemoryModel.CardHistory>();
		for (var card : cards(reviews).entrySet()) {
			(heldOut(card.getKey()) ? heldOut : training).add(card.getValue());
		}
		int trainingPredictions = predictions(training);
		if (trainingPredictions == 0 || predictions(heldOut) == 0) {
			return new Fit(Outcome.NOT_ENOUGH_HISTORY, reviews.size(), weights, null, null, null, 0);
		}
		var run = new WeightDescent(settings, training, trainingPredictions, current);
		double[] fitted = run.run();
		var fittedWeights = new Weights(Arrays.stream(fitted).boxed().toList());
		var before = evaluate(heldOut, asScheduled(current), current.enableShortTerm());
		var after = evaluate(heldOut, fitted, current.enableShortTerm());
		var outcome = after.beats(before) ? Outcome.IMPROVED : Outcome.CURRENT_STAYS;
		return new Fit(outcome, reviews.size(), weights, fittedWeights, before, after, run.steps());
	}

	/** How well {@code parameters}' weights predict every predictable review of {@code reviews}. */
	public Evaluation evaluate(List<LoggedReview> reviews, FsrsParameters parameters) {
		return evaluate(new ArrayList<>(cards(reviews).values()), asScheduled(parameters), parameters.enableShortTerm());
	}

	/** The weights as the scheduler uses them: w17 and w18 lowered under the ceiling of several relearning steps. */
	private static double[] asScheduled(FsrsParameters parameters) {
		double[] weights = array(parameters.weights());
		Fsrs.lowerShortTermCeiling(weights, parameters.relearningSteps().size());
		return weights;
	}

	static Evaluation evaluate(List<MemoryModel.CardHistory> cards, double[] weights, boolean shortTerm) {
		var model = new MemoryModel(weights, shortTerm);
		var bins = new CalibrationBins();
		double loss = 0;
		for (var card : cards) {
			loss += model.replay(card, null, bins);
		}
		int count = bins.count();
		return new Evaluation(count == 0 ? 0 : loss / count, bins.rmse(), count);
	}

	/** Whether a card belongs to the held-out part: a hash of its id and the seed, so the split never changes. */
	private boolean heldOut(UUID card) {
		long hash = mix(card.getMostSignificantBits() ^ mix(card.getLeastSignificantBits() ^ settings.seed()));
		return (hash >>> 11) * 0x1.0p-53 < settings.heldOutShare();
	}

	private static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
		z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
		return z ^ (z >>> 31);
	}

	/** The reviews grouped by card, each card's in time order, with the UTC days between them. */
	static Map<UUID, MemoryModel.CardHistory> cards(List<LoggedReview> reviews) {
		var byCard = new TreeMap<UUID, List<LoggedReview>>();
		for (var review : reviews) {
			byCard.computeIfAbsent(review.cardId(), id -> new ArrayList<>()).add(review);
		}
		var cards = new LinkedHashMap<UUID, MemoryModel.CardHistory>();
		for (var entry : byCard.entrySet()) {
			var list = entry.getValue();
			list.sort((a, b) -> a.at().compareTo(b.at()));
			int[] grades = new int[list.size()];
			int[] days = new int[list.size()];
			for (int i = 0; i < list.size(); i++) {
				grades[i] = list.get(i).rating().grade();
				days[i] = i == 0 ? 0
						: Fsrs.utcDaysBetween(list.get(i - 1).at().toEpochMilli(), list.get(i).at().toEpochMilli());
			}
			cards.put(entry.getKey(), new MemoryModel.CardHistory(grades, days));
		}
		return cards;
	}

	static int predictions(List<MemoryModel.CardHistory> cards) {
		int count = 0;
		for (var card : cards) {
			count += predictions(card);
		}
		return count;
	}

	static int predictions(MemoryModel.CardHistory card) {
		int count = 0;
		for (int k = 1; k < card.days().length; k++) {
			if (card.days()[k] > 0) {
				count++;
			}
		}
		return count;
	}

	static double[] array(Weights weights) {
		return weights.values().stream().mapToDouble(Double::doubleValue).toArray();
	}

	static <T> void shuffle(List<T> list, SplittableRandom random) {
		for (int i = list.size() - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			var swap = list.get(i);
			list.set(i, list.get(j));
			list.set(j, swap);
		}
	}
}
