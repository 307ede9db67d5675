package io.morsel.reinforcement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The 21 parameters w0…w20 of FSRS-6, each inside the range the FSRS optimizer and ts-fsrs clamp it to
 * ({@code CLAMP_PARAMETERS}): a set an optimizer could not produce cannot be built.
 *
 * <p>Two ranges also depend on the scheduler's settings and are checked by {@link FsrsParameters}: w19 is at least
 * 0.01 with short-term scheduling on, and with more than one relearning step w17 and w18 are lowered to a ceiling
 * derived from w11, w13 and w14 (see {@link Fsrs}).
 */
public record Weights(List<Double> values) {

	public static final int COUNT = 21;

	/** Smallest stability FSRS keeps, in days. */
	static final double S_MIN = 0.001;

	/** Largest initial stability w0…w3, in days. */
	private static final double INITIAL_S_MAX = 100;

	/** w17 and w18's ceiling before relearning steps lower it. */
	static final double W17_W18_CEILING = 2;

	private static final double[][] RANGES = {
			{ S_MIN, INITIAL_S_MAX }, { S_MIN, INITIAL_S_MAX }, { S_MIN, INITIAL_S_MAX }, { S_MIN, INITIAL_S_MAX },
			{ 1, 10 }, { 0.001, 4 }, { 0.001, 4 }, { 0.001, 0.75 }, { 0, 4.5 }, { 0, 0.8 }, { 0.001, 3.5 },
			{ 0.001, 5 }, { 0.001, 0.25 }, { 0.001, 0.9 }, { 0, 4 }, { 0, 1 }, { 1, 6 }, { 0, W17_W18_CEILING },
			{ 0, W17_W18_CEILING }, { 0, 0.8 }, { 0.1, 0.8 } };

	/** The FSRS-6 defaults, as published with FSRS-6 and used by ts-fsrs 5. */
	public static final Weights DEFAULT = new Weights(List.of(0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194,
			0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658,
			0.1542));

	public Weights {
		if (values.size() != COUNT) {
			throw new IllegalArgumentException("FSRS-6 has " + COUNT + " weights, not " + values.size());
		}
		values = List.copyOf(values);
		for (int i = 0; i < COUNT; i++) {
			var problem = problem(i, values.get(i));
			if (problem.isPresent()) {
				throw new IllegalArgumentException("Weight w" + i + " " + problem.get());
			}
		}
	}

	/** What is wrong with {@code value} as weight w{@code index}, if anything: not a number, or outside its range. */
	public static Optional<String> problem(int index, double value) {
		if (!Double.isFinite(value)) {
			return Optional.of("must be a finite number");
		}
		if (value < min(index) || value > max(index)) {
			return Optional.of("must be between " + min(index) + " and " + max(index));
		}
		return Optional.empty();
	}

	public static double min(int index) {
		return RANGES[index][0];
	}

	public static double max(int index) {
		return RANGES[index][1];
	}

	public double w(int index) {
		return values.get(index);
	}

	/** The weights with one replaced; the result must still be valid. */
	public Weights with(int index, double value) {
		var changed = new ArrayList<>(values);
		changed.set(index, value);
		return new Weights(changed);
	}
}
