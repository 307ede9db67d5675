package io.morsel.reinforcement;

import java.util.List;

/**
 * The first step of fitting, as the FSRS optimizer does it (fsrs-rs: pre_training): the initial stabilities w0…w3 from
 * the cards' second reviews, grouped by the first rating. For each first rating, the share of cards recalled at each
 * interval (smoothed towards the average recall) is fitted by the forgetting curve with one unknown, S0, by a ternary
 * search on 0.1…100 days that minimises the log loss weighted by √count, plus a small pull (|S0 − default|/16)
 * towards the current value. A rating without data takes the current value scaled by how far the others moved; the
 * four are then put in order (again ≤ hard ≤ good ≤ easy), the better-attested of two out-of-order values winning.
 */
final class InitialStability {

	private static final double MIN = 0.1;
	private static final double MAX = 100;

	private InitialStability() {
	}

	/**
	 * w0…w3 fitted to the cards whose second review came on a later day than the first; the current values where no
	 * card tells anything.
	 */
	static double[] fit(List<MemoryModel.CardHistory> cards, double[] current) {
		// recalled[g][t] and seen[g][t]: second reviews after first rating g + 1, t days later (t capped for the table)
		int maxDays = 0;
		for (var card : cards) {
			if (card.grades().length > 1 && card.days()[1] > 0) {
				maxDays = Math.max(maxDays, card.days()[1]);
			}
		}
		maxDays = Math.min(maxDays, 36500);
		var recalled = new int[4][maxDays + 1];
		var seen = new int[4][maxDays + 1];
		int allRecalled = 0;
		int all = 0;
		for (var card : cards) {
			if (card.grades().length < 2 || card.days()[1] <= 0) {
				continue;
			}
			int g = card.grades()[0] - 1;
			int t = Math.min(card.days()[1], maxDays);
			seen[g][t]++;
			all++;
			if (card.grades()[1] > 1) {
				recalled[g][t]++;
				allRecalled++;
			}
		}
		double[] fitted = new double[4];
		int[] counts = new int[4];
		boolean any = false;
		double averageRecall = all == 0 ? 0.9 : (double) allRecalled / all;
		var curve = new Curve(current[20]);
		for (int g = 0; g < 4; g++) {
			for (int t = 0; t <= maxDays; t++) {
				counts[g] += seen[g][t];
			}
			if (counts[g] == 0) {
				fitted[g] = Double.NaN;
				continue;
			}
			fitted[g] = search(curve, recalled[g], seen[g], counts[g], averageRecall, current[g]);
			any = true;
		}
		if (!any) {
			return new double[] { current[0], current[1], current[2], current[3] };
		}
		fillMissing(fitted, current);
		order(fitted, counts);
		for (int g = 0; g < 4; g++) {
			fitted[g] = Math.clamp(fitted[g], MIN, MAX);
		}
		return fitted;
	}

	private static double search(Curve curve, int[] recalled, int[] seen, int count, double averageRecall,
			double current) {
		double low = MIN;
		double high = MAX;
		for (int i = 0; i < 200 && high - low > 1e-6; i++) {
			double left = low + (high - low) / 3;
			double right = high - (high - low) / 3;
			if (loss(curve, recalled, seen, count, averageRecall, left, current)
					< loss(curve, recalled, seen, count, averageRecall, right, current)) {
				high = right;
			}
			else {
				low = left;
			}
		}
		return (low + high) / 2;
	}

	private static double loss(Curve curve, int[] recalled, int[] seen, int count, double averageRecall, double s0,
			double current) {
		double loss = 0;
		for (int t = 1; t < seen.length; t++) {
			if (seen[t] == 0) {
				continue;
			}
			// Laplace smoothing towards the average recall, as fsrs-rs does: one pseudo-review per rating
			double recall = ((double) recalled[t] / seen[t] * count + averageRecall) / (count + 1);
			double r = Math.clamp(curve.at(t, s0), 1e-9, 1 - 1e-9);
			loss -= (recall * Math.log(r) + (1 - recall) * Math.log(1 - r)) * Math.sqrt(seen[t]);
		}
		return loss + Math.abs(s0 - current) / 16;
	}

	/** Ratings no card started with move by the geometric mean of the others' change. */
	private static void fillMissing(double[] fitted, double[] current) {
		double logRatio = 0;
		int known = 0;
		for (int g = 0; g < 4; g++) {
			if (!Double.isNaN(fitted[g])) {
				logRatio += Math.log(fitted[g] / Math.max(current[g], MIN));
				known++;
			}
		}
		double ratio = Math.exp(logRatio / known);
		for (int g = 0; g < 4; g++) {
			if (Double.isNaN(fitted[g])) {
				fitted[g] = Math.max(current[g], MIN) * ratio;
			}
		}
	}

	/** A worse first rating cannot start with a higher stability; the value seen on more cards wins. */
	private static void order(double[] fitted, int[] counts) {
		int[][] pairs = { { 0, 1 }, { 1, 2 }, { 2, 3 }, { 0, 2 }, { 1, 3 }, { 0, 3 } };
		for (var pair : pairs) {
			int small = pair[0];
			int big = pair[1];
			if (fitted[small] > fitted[big]) {
				if (counts[small] > counts[big]) {
					fitted[big] = fitted[small];
				}
				else {
					fitted[small] = fitted[big];
				}
			}
		}
	}

	/** FSRS-6's forgetting curve with a given decay. */
	private record Curve(double decay, double factor) {

		Curve(double decay) {
			this(decay, Math.exp(-Math.log(0.9) / decay) - 1);
		}

		double at(double days, double stability) {
			return Math.pow(1 + factor * days / stability, -decay);
		}
	}
}
