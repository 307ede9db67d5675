package io.morsel.reinforcement;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Turns a judged answer into the rating FSRS schedules with (docs/reinforcement.md, "From an answer to a rating"):
 *
 * <ul>
 * <li>fully right, answered within {@code fast} → easy; within {@code slow}, or in unknown time → good; slower →
 * hard, a right answer that had to be worked out;</li>
 * <li>not fully right but with at least {@code partialCredit} credit → hard, partly remembered;</li>
 * <li>less credit → again, forgotten.</li>
 * </ul>
 *
 * @param partialCredit the least credit of a wrong answer that still counts as remembered
 * @param fast the longest response time of an easy recall
 * @param slow the longest response time of a good recall
 */
public record GradeRule(double partialCredit, Duration fast, Duration slow) {

	/** Half the credit; 8 seconds; 30 seconds. */
	public static final GradeRule DEFAULT = new GradeRule(0.5, Duration.ofSeconds(8), Duration.ofSeconds(30));

	public GradeRule {
		if (!(partialCredit > 0 && partialCredit <= 1)) {
			throw new IllegalArgumentException("The partial credit threshold must be above 0 and at most 1");
		}
		if (fast.isNegative() || fast.compareTo(slow) > 0) {
			throw new IllegalArgumentException("An easy recall's time limit must be between 0 and a good recall's");
		}
	}

	/**
	 * The rating of one answer.
	 *
	 * @param correct whether the scoring judged the answer fully right
	 * @param credit the answer's credit, from 0 to 1 (docs/scoring.md)
	 * @param responseTime how long the learner took to answer, if known
	 */
	public Rating rate(boolean correct, double credit, @Nullable Duration responseTime) {
		if (!(credit >= 0 && credit <= 1)) {
			throw new IllegalArgumentException("Credit is between 0 and 1, not " + credit);
		}
		if (responseTime != null && responseTime.isNegative()) {
			throw new IllegalArgumentException("A response time cannot be negative");
		}
		if (!correct) {
			return credit >= partialCredit ? Rating.HARD : Rating.AGAIN;
		}
		if (responseTime == null) {
			return Rating.GOOD;
		}
		if (responseTime.compareTo(fast) <= 0) {
			return Rating.EASY;
		}
		return responseTime.compareTo(slow) <= 0 ? Rating.GOOD : Rating.HARD;
	}
}
