package io.morsel.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How one response was judged.
 *
 * @param credit from 0 to 1; partial credit where the interaction type allows it (docs/scoring.md)
 * @param correct whether the response is fully right; {@code null} for an exercise that has no right answer
 * @param feedback the feedback of each picked option or misplaced item, in the order the learner sees them
 * @param explanation why the right answer is right, shown after every response
 */
public record Score(double credit, @Nullable Boolean correct, List<String> feedback, @Nullable String explanation) {

	public Score {
		if (credit < 0 || credit > 1 || Double.isNaN(credit)) {
			throw new IllegalArgumentException("credit must be between 0 and 1");
		}
		feedback = List.copyOf(feedback);
	}
}
