package io.morsel.reinforcement;

import io.morsel.shared.InvalidValueException;

/**
 * What the mastery rule asks (docs/reinforcement.md, "Mastery"): every item of the skill answered correctly on at least
 * {@code days} separate days, the last of them at least {@code intervalDays} after the review before it, and predicted
 * recall now at least {@code recall}. An organisation may set its own; these are the defaults.
 */
public record MasteryThresholds(double recall, int days, int intervalDays) {

	public static final MasteryThresholds DEFAULT = new MasteryThresholds(0.85, 2, 3);

	public MasteryThresholds {
		if (!(recall > 0 && recall < 1)) {
			throw new InvalidValueException("reinforcement.refused.mastery-recall-lies-strictly-between-0");
		}
		if (days < 1 || days > 30) {
			throw new InvalidValueException("reinforcement.refused.mastery-asks-1-30-days-correct");
		}
		if (intervalDays < 0 || intervalDays > 365) {
			throw new InvalidValueException("reinforcement.refused.mastery-interval-0-365-days");
		}
	}
}
