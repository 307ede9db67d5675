package io.morsel.reinforcement;

import java.util.Arrays;

/**
 * How long fitting weights to 10,000 reviews takes (bench/fsrs/fit): a seeded simulated log (ReviewLogSimulator, the
 * weights of OptimizerTests), fitted {@code warm-up} times to let the JIT compile, then timed {@code rounds} times.
 * Prints the median and the fastest, in milliseconds, and the fit's held-out log loss before and after.
 */
public final class OptimizerTiming {

	private OptimizerTiming() {
	}

	public static void main(String[] arguments) {
		int reviews = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 10_000;
		int warmUp = arguments.length > 1 ? Integer.parseInt(arguments[1]) : 5;
		int rounds = arguments.length > 2 ? Integer.parseInt(arguments[2]) : 10;
		// about 8 reviews a card within the simulated year: a quarter as many cards is plenty
		var log = new ReviewLogSimulator(OptimizerTests.TRUTH, FsrsParameters.DEFAULT).simulate(reviews / 4 + 1, 12,
				2026);
		if (log.size() < reviews) {
			throw new IllegalStateException("The simulation gave only " + log.size() + " reviews");
		}
		log = log.subList(0, reviews);
		var optimizer = new Optimizer(Optimizer.Settings.DEFAULT);
		Optimizer.Fit fit = null;
		for (int i = 0; i < warmUp; i++) {
			fit = optimizer.fit(log, FsrsParameters.DEFAULT);
		}
		long[] millis = new long[rounds];
		for (int i = 0; i < rounds; i++) {
			long start = System.nanoTime();
			fit = optimizer.fit(log, FsrsParameters.DEFAULT);
			millis[i] = (System.nanoTime() - start) / 1_000_000;
		}
		Arrays.sort(millis);
		System.out.printf("fit of %d reviews: median %d ms, fastest %d ms over %d rounds (%d Adam steps);"
				+ " held-out log loss %.4f -> %.4f, RMSE (bins) %.4f -> %.4f%n", log.size(), millis[rounds / 2],
				millis[0], rounds, fit.steps(), fit.before().logLoss(), fit.after().logLoss(), fit.before().rmseBins(),
				fit.after().rmseBins());
	}
}
