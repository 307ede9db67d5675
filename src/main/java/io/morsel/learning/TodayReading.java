package io.morsel.learning;

import java.util.List;

/**
 * What Today shows of a learner's own records, read in one query ({@link Progress#today}).
 *
 * @param programs every program the learner is enrolled in or may join, enrolled ones first
 * @param goal where their daily goal, streak and totals stand today
 */
public record TodayReading(List<ProgramProgress> programs, GoalStanding goal) {
}
