package io.morsel.learning;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What Today shows of a learner's own records, read in one query ({@link Progress#today}).
 *
 * @param programs every program the learner is enrolled in or may join, enrolled ones first
 * @param goal where their daily goal, streak and totals stand today
 * @param updates the lessons they completed before a significant version, by title ({@link Attempts#updates})
 * @param earliestDue the earliest time any review card of theirs falls due ({@link ReviewDueTimes}); null when they
 *     have none
 */
public record TodayReading(List<ProgramProgress> programs, GoalStanding goal, List<LessonUpdate> updates,
		@Nullable Instant earliestDue) {
}
