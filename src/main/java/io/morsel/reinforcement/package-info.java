/**
 * Reinforcement: each learner's memory of each item, scheduled with FSRS-6 ({@link io.morsel.reinforcement.Fsrs}),
 * the rule that turns an answer into a rating ({@link io.morsel.reinforcement.GradeRule}) and the learner's review
 * day ({@link io.morsel.reinforcement.DayBoundary}); see docs/reinforcement.md.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "identity", "shared" })
package io.morsel.reinforcement;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
