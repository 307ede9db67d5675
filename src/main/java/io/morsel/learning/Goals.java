package io.morsel.learning;

import java.time.Instant;
import java.time.ZoneId;
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
		var today = LearningDay.dateOf(now, zone);
		var minutes = 0L;
		var mastered = 0;
		for (var day : standing.days()) {
			minutes += day.seconds();
			mastered += day.mastered();
		}
		return new GoalStanding(standing.goal(), Streak.of(standing.goal(), standing.days(), today), minutes / 60,
				mastered);
	}

	/** Sets the learner's daily goal. */
	@Transactional
	public void set(Learner learner, DailyGoal goal) {
		days.set(learner, goal);
	}
}
