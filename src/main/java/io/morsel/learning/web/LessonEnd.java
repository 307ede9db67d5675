package io.morsel.learning.web;

import io.morsel.learning.Attempt;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The card at a lesson's end ({@code learning/interaction :: end}): whether the objective is met, the score, the time
 * taken, and the lesson to take next in the learner's program, or Today at the program's end.
 *
 * @param percent the score, in whole percent
 * @param minutes from the start of the attempt to its completion
 * @param next the lesson to take next; none at the program's end, or for a lesson in none of the learner's programs
 * @param programDone whether this lesson finished the learner's program
 */
record LessonEnd(UUID lesson, String objective, Attempt.Outcome outcome, long percent, long minutes, @Nullable UUID next,
		@Nullable String nextTitle, boolean programDone) {
}
