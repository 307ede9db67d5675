package io.morsel.reinforcement;

import java.time.Instant;

/** One review: when it happened and how well the learner recalled. */
public record Review(Instant at, Rating rating) {
}
