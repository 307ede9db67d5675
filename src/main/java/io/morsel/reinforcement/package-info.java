/**
 * Reinforcement: each learner's memory of each item, scheduled with FSRS-6 ({@link io.morsel.reinforcement.Fsrs}),
 * the rule that turns an answer into a rating ({@link io.morsel.reinforcement.GradeRule}) and the learner's review
 * day ({@link io.morsel.reinforcement.DayBoundary}); and each organisation's FSRS weights, fitted to its review log
 * ({@link io.morsel.reinforcement.Optimizer}, {@link io.morsel.reinforcement.WeightFitting}) and kept in
 * organisation_fsrs_weights; see docs/reinforcement.md.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "identity" })
package io.morsel.reinforcement;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
