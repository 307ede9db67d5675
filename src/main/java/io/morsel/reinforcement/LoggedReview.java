package io.morsel.reinforcement;

import java.time.Instant;
import java.util.UUID;

/** One review in an organisation's review log, as the optimizer reads it: which card, when, and the rating given. */
public record LoggedReview(UUID cardId, Instant at, Rating rating) {
}
