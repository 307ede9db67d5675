package io.morsel.learning;

import java.util.List;

/**
 * What Today shows of a learner's own records, read in one query ({@link Progress#today}).
 *
 * @param programs every program the learner is enrolled in or may join, enrolled ones first
 * @param goal where their daily goal, streak and totals stand today
 * @param updates the lessons they completed before a significant version, by title ({@link Attempts#updates})
 */
public record TodayReading(List<ProgramProgress> programs, GoalStanding goal, List<LessonUpdate> updates) {
}
