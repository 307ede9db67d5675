/**
 * Delivery: the right lesson at the right moment. Each learner's cadence ({@link io.morsel.delivery.Cadence}, from
 * organisation, program and learner settings), just-in-time triggers and the rules that turn them into lessons to
 * deliver, the sending of deliveries (claimed through the database, so that several nodes send each exactly once),
 * the in-app notification centre, email with one-click unsubscribe, and the send log.
 *
 * <p>What a delivery brings is the single most valuable item of learning's {@link io.morsel.learning.NextUp} rule,
 * which Today shows as "Next up" too; delivery adds the triggered lessons to it
 * ({@link io.morsel.learning.NextUpSource}). Owns the tables delivery_*, trigger_*, and triggers.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "learning", "reinforcement", "catalog", "identity", "shared", "web" })
package io.morsel.delivery;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
