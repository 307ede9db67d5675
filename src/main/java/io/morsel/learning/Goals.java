package io.morsel.learning;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each learner's daily goal, their streak, and what they learned: minutes and lessons mastered. */
@Service
public class Goals {

	private final LearningDays days;

	Goals(LearningDays days) {
		this.days = days;
	}

	/** Where the learner stands today, in their time zone: their goal, streak and totals, from one query. */
	public GoalStanding standing(Learner learner, ZoneId zone, Instant now) {
		var standing = days.standing(learner);
		return standing(standing.goal(), standing.days(), LearningDay.dateOf(now, zone));
	}

	/** Where a learner with this goal and these days learned (any order) stands on {@code today}. */
	static GoalStanding standing(DailyGoal goal, List<LearningDay> learned, LocalDate today) {
		var minutes = 0L;
		var mastered = 0;
		for (var day : learned) {
			minutes += day.seconds();
			mastered += day.mastered();
		}
		return new GoalStanding(goal, Streak.of(goal, learned, today), minutes / 60, mastered);
	}

	/** Sets the learner's daily goal. */
	@Transactional
	public void set(Learner learner, DailyGoal goal) {
		days.set(learner, goal);
	}
}
