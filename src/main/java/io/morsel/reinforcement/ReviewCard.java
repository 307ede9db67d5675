package io.morsel.reinforcement;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What FSRS remembers of one learner and one item after a review: the card's state, when it is next due, its memory
 * (stability in days, difficulty from 1 to 10) and its counters.
 *
 * @param elapsedDays whole UTC days between the last two reviews
 * @param scheduledDays the interval the last review set, in days (0 while in a step of minutes or hours)
 * @param step the index of the current (re)learning step
 */
public record ReviewCard(CardState state, Instant due, double stability, double difficulty, int elapsedDays,
		int scheduledDays, int reps, int lapses, int step, @Nullable Instant lastReview) {

	/** A card never reviewed, due at {@code now}. */
	public static ReviewCard fresh(Instant now) {
		return new ReviewCard(CardState.NEW, now, 0, 0, 0, 0, 0, 0, 0, null);
	}
}
