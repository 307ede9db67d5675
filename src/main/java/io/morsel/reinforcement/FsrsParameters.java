package io.morsel.reinforcement;

import java.util.List;

/**
 * How an {@link Fsrs} scheduler behaves: its weights, the retention it aims for, its learning and relearning steps,
 * the longest interval, whether same-day reviews use the short-term formula, and whether intervals are fuzzed.
 *
 * @param desiredRetention the probability of recall at which a card falls due, strictly between 0 and 1
 * @param maximumInterval the longest interval in days
 * @param enableShortTerm whether reviews on the day of the last one change stability by FSRS-6's short-term formula
 *     and new cards go through the learning steps; off, every review schedules in whole days
 * @param enableFuzz whether review intervals of 2.5 days and more are spread a little, so that cards learnt together
 *     do not stay together
 */
public record FsrsParameters(Weights weights, double desiredRetention, List<Step> learningSteps,
		List<Step> relearningSteps, int maximumInterval, boolean enableShortTerm, boolean enableFuzz) {

	public static final double DEFAULT_RETENTION = 0.9;
	public static final List<Step> DEFAULT_LEARNING_STEPS = List.of(new Step(1), new Step(10));
	public static final List<Step> DEFAULT_RELEARNING_STEPS = List.of(new Step(10));
	public static final int DEFAULT_MAXIMUM_INTERVAL = 36500;

	/** Short-term scheduling needs w19 at least this large (ts-fsrs, CLAMP_PARAMETERS). */
	static final double SHORT_TERM_W19_MIN = 0.01;

	public static final FsrsParameters DEFAULT = new FsrsParameters(Weights.DEFAULT, DEFAULT_RETENTION,
			DEFAULT_LEARNING_STEPS, DEFAULT_RELEARNING_STEPS, DEFAULT_MAXIMUM_INTERVAL, true, false);

	public FsrsParameters {
		if (!(desiredRetention > 0 && desiredRetention < 1)) {
			throw new IllegalArgumentException("The desired retention must be between 0 and 1 (exclusive)");
		}
		if (maximumInterval < 1 || maximumInterval > DEFAULT_MAXIMUM_INTERVAL) {
			throw new IllegalArgumentException("The maximum interval must be between 1 and 36500 days");
		}
		if (enableShortTerm && weights.w(19) < SHORT_TERM_W19_MIN) {
			throw new IllegalArgumentException("Weight w19 must be at least 0.01 with short-term scheduling on");
		}
		learningSteps = List.copyOf(learningSteps);
		relearningSteps = List.copyOf(relearningSteps);
	}

	public FsrsParameters withWeights(Weights weights) {
		return new FsrsParameters(weights, desiredRetention, learningSteps, relearningSteps, maximumInterval,
				enableShortTerm, enableFuzz);
	}

	public FsrsParameters withDesiredRetention(double desiredRetention) {
		return new FsrsParameters(weights, desiredRetention, learningSteps, relearningSteps, maximumInterval,
				enableShortTerm, enableFuzz);
	}

	public FsrsParameters withSteps(List<Step> learningSteps, List<Step> relearningSteps) {
		return new FsrsParameters(weights, desiredRetention, learningSteps, relearningSteps, maximumInterval,
				enableShortTerm, enableFuzz);
	}

	public FsrsParameters withMaximumInterval(int maximumInterval) {
		return new FsrsParameters(weights, desiredRetention, learningSteps, relearningSteps, maximumInterval,
				enableShortTerm, enableFuzz);
	}

	public FsrsParameters withShortTerm(boolean enableShortTerm) {
		return new FsrsParameters(weights, desiredRetention, learningSteps, relearningSteps, maximumInterval,
				enableShortTerm, enableFuzz);
	}

	public FsrsParameters withFuzz(boolean enableFuzz) {
		return new FsrsParameters(weights, desiredRetention, learningSteps, relearningSteps, maximumInterval,
				enableShortTerm, enableFuzz);
	}
}
