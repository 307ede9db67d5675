/**
 * Learning: enrolments in programs (self or assigned, with a due date), each learner's attempt at a lesson — pinned
 * to the version they started — with every answer, their progress, and "today".
 *
 * <p>Publishes {@link io.morsel.learning.AnswerRecorded} for every answer and {@link io.morsel.learning.LessonCompleted}
 * when a lesson's interactions are all answered, through the event publication log.
 *
 * <p>The player also plays an author's draft, framed beside the studio's editor, judging answers and storing nothing
 * (ADR 0038).
 *
 * <p>Its services act for a {@link io.morsel.learning.Learner} (organisation and user ids), which pages and the API make
 * from the signed-in member and jobs or other modules' listeners from the ids they hold.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "catalog", "identity", "shared", "web" })
package io.morsel.learning;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
