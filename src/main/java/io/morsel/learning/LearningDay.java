package io.morsel.learning;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What a learner did on one day of their own calendar (the date in their time zone when they did it): time spent
 * answering, lessons completed, and lessons mastered.
 */
public record LearningDay(LocalDate day, long seconds, int lessons, int mastered) {

	/** The most one answer adds to the time learned: a question left open over lunch is not an hour of learning. */
	public static final Duration LONGEST_ANSWER = Duration.ofMinutes(10);

	public static LearningDay nothing(LocalDate day) {
		return new LearningDay(day, 0, 0, 0);
	}

	/** Whether, added to a day, this changes none of its figures. */
	boolean addsNothing() {
		return seconds == 0 && lessons == 0 && mastered == 0;
	}

	/** Whole minutes learned. */
	public int minutes() {
		return (int) (seconds / 60);
	}

	/** The day of the learner's calendar an instant falls on, in their time zone. */
	public static LocalDate dateOf(Instant at, ZoneId zone) {
		return at.atZone(zone).toLocalDate();
	}

	/** The time an answer adds to its day, at most {@link #LONGEST_ANSWER}; nothing when unknown. */
	public static long secondsOf(Duration timeTaken) {
		return Math.min(timeTaken.toSeconds(), LONGEST_ANSWER.toSeconds());
	}
}
