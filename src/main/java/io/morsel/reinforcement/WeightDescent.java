package io.morsel.reinforcement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One run of Adam over the training cards (the second step of {@link Optimizer}'s fit): from the weights in use, with
 * w0…w3 from {@link InitialStability}, to the weights of the epoch with the lowest training loss.
 */
final class WeightDescent {

	/** Each weight's spread across FSRS users (fsrs-rs: PARAMS_STDDEV), which scales the pull towards the start. */
	private static final double[] SPREAD = { 6.43, 9.66, 17.58, 27.85, 0.57, 0.28, 0.6, 0.12, 0.39, 0.18, 0.33, 0.3,
			0.09, 0.16, 0.57, 0.25, 1.03, 0.31, 0.32, 0.14, 0.27 };

	private final Optimizer.Settings settings;
	private final List<MemoryModel.CardHistory> cards;
	private final int predictions;
	private final boolean shortTerm;
	private final int relearningSteps;
	private final double[] start;
	private final boolean[] frozen = new boolean[MemoryModel.N];
	private int steps;

	WeightDescent(Optimizer.Settings settings, List<MemoryModel.CardHistory> cards, int predictions,
			FsrsParameters current) {
		this.settings = settings;
		this.cards = cards;
		this.predictions = predictions;
		this.shortTerm = current.enableShortTerm();
		this.relearningSteps = current.relearningSteps().size();
		this.start = Optimizer.array(current.weights());
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

	/** Adam steps taken by {@link #run()}. */
	int steps() {
		return steps;
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
			Optimizer.shuffle(order, random);
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
			count += Optimizer.predictions(card);
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
		Optimizer.shuffle(shuffled, new SplittableRandom(settings.seed() ^ 0x5DEECE66DL));
		var batches = new ArrayList<List<MemoryModel.CardHistory>>();
		var batch = new ArrayList<MemoryModel.CardHistory>();
		int count = 0;
		for (var card : shuffled) {
			int n = Optimizer.predictions(card);
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
