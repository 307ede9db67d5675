package io.morsel.reinforcement;

import java.time.Instant;

/**
 * An organisation's last fit of its FSRS weights: the weights in use since, when and on how many reviews it ran, the
 * held-out evaluation of the weights in use before it and of the fitted ones, and whether the fitted ones won.
 */
public record StoredFit(Weights weights, Instant fittedAt, int reviewCount, Evaluation before, Evaluation after,
		boolean improved) {
}
