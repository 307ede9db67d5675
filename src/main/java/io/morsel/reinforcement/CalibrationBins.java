package io.morsel.reinforcement;

import java.util.HashMap;
import java.util.Map;

/**
 * FSRS's binned RMSE (the benchmark's "RMSE (bins)", fsrs-optimizer's rmse_matrix): predictions grouped by elapsed
 * days, review number and lapses, each on a logarithmic scale (bases 3.62, 1.89 and 1.73); the squared difference
 * of each bin's mean prediction and recall rate, weighted by the bin's size; the root of the weighted mean.
 */
final class CalibrationBins implements MemoryModel.Prediction {

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
