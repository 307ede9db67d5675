package io.morsel.learning;

/**
 * Where a learner stands today: their goal, their streak, and all they learned.
 *
 * @param minutesLearned whole minutes spent answering, ever
 * @param lessonsMastered lessons completed with their objective met, ever
 */
public record GoalStanding(DailyGoal goal, Streak streak, long minutesLearned, int lessonsMastered) {

	/** How far today is towards the goal, from 0 to 100. */
	public int todayPercent() {
		return (int) Math.min(100, 100L * streak.today() / goal.amount());
	}
}
