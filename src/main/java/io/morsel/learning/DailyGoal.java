package io.morsel.learning;

import io.morsel.shared.InvalidValueException;

/**
 * What a learner means to do each day, their choice: so many minutes, or so many lessons. Weekends may be left out,
 * so that a learner who rests on Saturday and Sunday keeps their streak without spending a freeze.
 *
 * @param amount minutes (5 to 120) or lessons (1 to 10) a day
 * @param weekendsOff whether Saturday and Sunday neither count against the streak nor need a freeze
 */
public record DailyGoal(Kind kind, int amount, boolean weekendsOff) {

	/** The goal a learner has until they choose one: ten minutes a day, weekends included. */
	public static final DailyGoal STARTING = new DailyGoal(Kind.MINUTES, 10, false);

	/** What the goal counts. */
	public enum Kind {

		MINUTES(5, 120), LESSONS(1, 10);

		private final int least;
		private final int most;

		Kind(int least, int most) {
			this.least = least;
			this.most = most;
		}

		public int least() {
			return least;
		}

		public int most() {
			return most;
		}
	}

	public DailyGoal {
		if (kind == null) {
			throw new InvalidValueException("learning.refused.choose-goal-minutes-lessons");
		}
		if (amount < kind.least || amount > kind.most) {
			throw new InvalidValueException(kind == Kind.MINUTES ? "learning.refused.daily-goal-minutes"
					: "learning.refused.daily-goal-lessons", kind.least, kind.most);
		}
	}

	/** How far a day's learning is towards the goal, in the goal's unit. */
	public int progress(LearningDay day) {
		return kind == Kind.MINUTES ? day.minutes() : day.lessons();
	}

	/** Whether a day's learning met the goal. */
	public boolean metBy(LearningDay day) {
		return progress(day) >= amount;
	}
}
