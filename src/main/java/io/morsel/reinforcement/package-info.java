/**
 * Reinforcement: each learner's memory of each question that assesses its lesson's objective, scheduled with FSRS-6
 * ({@link io.morsel.reinforcement.Fsrs}), the rule that turns an answer into a rating
 * ({@link io.morsel.reinforcement.GradeRule}), the learner's review day ({@link io.morsel.reinforcement.DayBoundary})
 * and the daily review ({@link io.morsel.reinforcement.DailyReview}); and each organisation's FSRS weights, fitted to
 * its review log ({@link io.morsel.reinforcement.Optimizer}, {@link io.morsel.reinforcement.WeightFitting}) and kept in
 * organisation_fsrs_weights; see docs/reinforcement.md.
 *
 * <p>Listens to learning's {@link io.morsel.learning.AnswerRecorded}: a learner's first answer to an assessed question
 * makes its review card. Asks catalog for the question a card shows and how an answer to it scores, and, where programs
 * set their own desired retention ({@link io.morsel.reinforcement.RetentionSettings}), catalog for their lessons and
 * learning for the learner's enrolments. Offers the daily review as Today's next up through learning's
 * {@link io.morsel.learning.NextUpSource} ({@link io.morsel.reinforcement.ReviewNextUp}), keeps each learner's earliest
 * due time in learning's {@link io.morsel.learning.ReviewDueTimes} (ADR 0050), and puts Skills and Retention in the
 * navigation ({@link io.morsel.web.NavigationEntry}).
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "learning", "catalog", "identity", "shared", "web" })
package io.morsel.reinforcement;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
