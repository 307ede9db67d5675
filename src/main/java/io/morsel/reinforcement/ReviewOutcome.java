package io.morsel.reinforcement;

import io.morsel.catalog.Marking;
import io.morsel.catalog.Response;
import io.morsel.catalog.Score;
import java.time.Instant;

/**
 * What a learner gets back for a review answer: the question with their answer, the same feedback as in the lesson,
 * and the card as FSRS now schedules it.
 *
 * @param replayed the review item had been answered already: this is the stored result, and nothing changed
 * @param marking the answer marked in place, option by option, as the player marks it
 */
public record ReviewOutcome(ReviewItem item, Response response, Score score, Rating rating, CardState state,
		Instant due, double stability, double difficulty, boolean replayed, Marking marking) {
}
