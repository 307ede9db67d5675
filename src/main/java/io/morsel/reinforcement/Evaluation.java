package io.morsel.reinforcement;

/**
 * How well a set of weights predicts recall on some reviews: the mean log loss (binary cross-entropy of predicted
 * recall against the review's outcome) and FSRS's binned RMSE, over {@code reviews} predicted reviews. Lower is better.
 */
public record Evaluation(double logLoss, double rmseBins, int reviews) {

	/** Lower log loss and a binned RMSE no higher: what weights must show to replace others. */
	public boolean beats(Evaluation other) {
		return logLoss < other.logLoss && rmseBins <= other.rmseBins;
	}
}
