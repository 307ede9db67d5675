package io.morsel.reinforcement;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
 * gradient comes from forward-mode differentiation ({@link MemoryModel}). The best epoch's weights are kept; a cap on
 * steps and a time budget stop it early.</li>
 * <li>The fitted and the current weights are evaluated on the held-out predictions; the fitted ones win only with a
 * lower log loss and a binned RMSE no higher ({@link Evaluation#beats}).</li>
 * </ol>
 */
public final class Optimizer {

	/** Each weight's spread across FSRS users (fsrs-rs: PARAMS_STDDEV), which scales the pull towards the start. */
	private static final double[] SPREAD = { 6.43, 9.66, 17.58, 27.85, 0.57, 0.28, 0.6, 0.12, 0.39, 0.18, 0.33, 0.3,
			0.09, 0.16, 0.57, 0.25, 1.03, 0.31, 0.32, 0.14, 0.27 };

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
		var run = new Training(training, trainingPredictions, current);
		double[] fitted = run.run();
		var fittedWeights = new Weights(Arrays.stream(fitted).boxed().toList());
		var before = evaluate(heldOut, array(weights), current.enableShortTerm());
		var after = evaluate(heldOut, fitted, current.enableShortTerm());
		var outcome = after.beats(before) ? Outcome.IMPROVED : Outcome.CURRENT_STAYS;
		return new Fit(outcome, reviews.size(), weights, fittedWeights, before, after, run.steps);
	}

	/** How well {@code parameters}' weights predict every predictable review of {@code reviews}. */
	public Evaluation evaluate(List<LoggedReview> reviews, FsrsParameters parameters) {
		return evaluate(new ArrayList<>(cards(reviews).values()), array(parameters.weights()),
				parameters.enableShortTerm());
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

	private static int predictions(MemoryModel.CardHistory card) {
		int count = 0;
		for (int k = 1; k < card.days().length; k++) {
			if (card.days()[k] > 0) {
				count++;
			}
		}
		return count;
	}

	private static double[] array(Weights weights) {
		return weights.values().stream().mapToDouble(Double::doubleValue).toArray();
	}

	/** One run of Adam over the training cards. */
	private final class Training {

		private final List<MemoryModel.CardHistory> cards;
		private final int predictions;
		private final boolean shortTerm;
		private final int relearningSteps;
		private final double[] start;
		private final boolean[] frozen = new boolean[MemoryModel.N];
		private int steps;

		Training(List<MemoryModel.CardHistory> cards, int predictions, FsrsParameters current) {
			this.cards = cards;
			this.predictions = predictions;
			this.shortTerm = current.enableShortTerm();
			this.relearningSteps = current.relearningSteps().size();
			this.start = array(current.weights());
			System.arraycopy(InitialStability.fit(cards, start), 0, start, 0, 4);
			project(start);
			// fsrs-rs freezes the initial and short-term stabilities without short-term scheduling; so do we, and
			// also when no card has a same-day review to tell w17…w19 anything.
			boolean sameDay = cards.stream().anyMatch(card -> Arrays.stream(card.days()).skip(1).anyMatch(d -> d == 0));
			for (int i : new int[] { 0, 1, 2, 3 }) {
				frozen[i] = !shortTerm;
			}
			for (int i : new int[] { 17, 18, 19 }) {
				frozen[i] = !shortTerm || !sameDay;
			}
		}

		double[] run() {
			long deadline = System.nanoTime() + settings.timeBudget().toNanos();
			var batches = batches();
			int epochs = Math.max(settings.epochs(), (settings.minimumSteps() + batches.size() - 1) / batches.size());
			int total = Math.min(settings.maximumSteps(), epochs * batches.size());
			var random = new SplittableRandom(settings.seed());
			double[] w = start.clone();
			double[] best = start.clone();
			double bestLoss = objective(w);
			double[] m = new double[MemoryModel.N];
			double[] v = new double[MemoryModel.N];
			double beta1 = 0.9;
			double beta2 = 0.999;
			var order = new ArrayList<>(batches);
			while (steps < total && System.nanoTime() < deadline) {
				shuffle(order, random);
				for (var batch : order) {
					if (steps >= total || System.nanoTime() >= deadline) {
						break;
					}
					double[] gradient = gradient(w, batch);
					steps++;
					double rate = settings.learningRate() * 0.5 * (1 + Math.cos(Math.PI * (steps - 1) / total));
					for (int i = 0; i < MemoryModel.N; i++) {
						if (frozen[i] || !Double.isFinite(gradient[i])) {
							continue;
						}
						m[i] = beta1 * m[i] + (1 - beta1) * gradient[i];
						v[i] = beta2 * v[i] + (1 - beta2) * gradient[i] * gradient[i];
						double mHat = m[i] / (1 - Math.pow(beta1, steps));
						double vHat = v[i] / (1 - Math.pow(beta2, steps));
						w[i] -= rate * mHat / (Math.sqrt(vHat) + 1e-8);
					}
					project(w);
				}
				double loss = objective(w);
				if (loss < bestLoss) {
					bestLoss = loss;
					best = w.clone();
				}
			}
			return best;
		}

		/** The gradient of one batch's mean log loss plus its share of the pull towards the start. */
		private double[] gradient(double[] w, List<MemoryModel.CardHistory> batch) {
			var model = new MemoryModel(w, shortTerm);
			double[] gradient = new double[MemoryModel.N];
			int count = 0;
			for (var card : batch) {
				model.replay(card, gradient, null);
				count += predictions(card);
			}
			double pull = settings.gamma() / predictions;
			for (int i = 0; i < MemoryModel.N; i++) {
				gradient[i] = gradient[i] / count + 2 * pull * (w[i] - start[i]) / (SPREAD[i] * SPREAD[i]);
			}
			return gradient;
		}

		/** The mean log loss over all training predictions plus the pull towards the start. */
		private double objective(double[] w) {
			var model = new MemoryModel(w, shortTerm);
			double loss = 0;
			for (var card : cards) {
				loss += model.replay(card, null, null);
			}
			double pull = 0;
			for (int i = 0; i < MemoryModel.N; i++) {
				double delta = (w[i] - start[i]) / SPREAD[i];
				pull += delta * delta;
			}
			return (loss + settings.gamma() * pull) / predictions;
		}

		/** Whole cards, in a seeded order, gathered until each batch holds at least batchSize predictions. */
		private List<List<MemoryModel.CardHistory>> batches() {
			var shuffled = new ArrayList<>(cards);
			shuffle(shuffled, new SplittableRandom(settings.seed() ^ 0x5DEECE66DL));
			var batches = new ArrayList<List<MemoryModel.CardHistory>>();
			var batch = new ArrayList<MemoryModel.CardHistory>();
			int count = 0;
			for (var card : shuffled) {
				int n = predictions(card);
				if (n == 0) {
					continue;
				}
				batch.add(card);
				count += n;
				if (count >= settings.batchSize()) {
					batches.add(batch);
					batch = new ArrayList<>();
					count = 0;
				}
			}
			if (!batch.isEmpty()) {
				batches.add(batch);
			}
			return batches;
		}

		/** Into the weights' ranges, and w17, w18 under the ceiling that relearning steps set (as the scheduler). */
		private void project(double[] w) {
			for (int i = 0; i < MemoryModel.N; i++) {
				double min = i == 19 && shortTerm ? FsrsParameters.SHORT_TERM_W19_MIN : Weights.min(i);
				w[i] = Math.clamp(w[i], min, Weights.max(i));
			}
			Fsrs.lowerShortTermCeiling(w, relearningSteps);
		}
	}

	private static <T> void shuffle(List<T> list, SplittableRandom random) {
		for (int i = list.size() - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			var swap = list.get(i);
			list.set(i, list.get(j));
			list.set(j, swap);
		}
	}

	/**
	 * FSRS's binned RMSE (the benchmark's "RMSE (bins)", fsrs-optimizer's rmse_matrix): predictions grouped by elapsed
	 * days, review number and lapses, each on a logarithmic scale (bases 3.62, 1.89 and 1.73); the squared difference
	 * of each bin's mean prediction and recall rate, weighted by the bin's size; the root of the weighted mean.
	 */
	static final class CalibrationBins implements MemoryModel.Prediction {

		private final Map<Long, double[]> bins = new HashMap<>();
		private int count;

		@Override
		public void predicted(double recall, boolean recalled, int elapsedDays, int reviewNumber, int lapses) {
			long days = (long) Math.floor(Math.log(elapsedDays) / Math.log(3.62));
			long number = (long) Math.floor(Math.log(reviewNumber) / Math.log(1.89));
			long lapse = lapses == 0 ? -1 : (long) Math.floor(Math.log(lapses) / Math.log(1.73));
			long key = (days * 1000 + number) * 1000 + lapse;
			var bin = bins.computeIfAbsent(key, k -> new double[3]);
			bin[0] += recall;
			bin[1] += recalled ? 1 : 0;
			bin[2]++;
			count++;
		}

		int count() {
			return count;
		}

		double rmse() {
			if (count == 0) {
				return 0;
			}
			double sum = 0;
			for (var bin : bins.values()) {
				double difference = bin[0] / bin[2] - bin[1] / bin[2];
				sum += difference * difference * bin[2];
			}
			return Math.sqrt(sum / count);
		}
	}
}
