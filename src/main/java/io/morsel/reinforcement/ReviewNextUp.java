package io.morsel.reinforcement;

import io.morsel.learning.Learner;
import io.morsel.learning.NextUp;
import io.morsel.learning.NextUpSource;
import io.morsel.learning.TodayReading;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The daily review as a candidate of learning's {@link NextUp} rule, while anything is due: one query. It comes first
 * whenever it is a candidate, so Today's "Next up" card is the review's card, with its size (ADR 0028). Today asks it
 * only when the earliest time a card of the learner's falls due, read with their other rows, falls in their review day
 * or before (ADR 0050).
 */
@Component
class ReviewNextUp implements NextUpSource {

	private final DailyReview review;

	ReviewNextUp(DailyReview review) {
		this.review = review;
	}

	@Override
	public NextUp.Kind kind() {
		return NextUp.Kind.REVIEW;
	}

	@Override
	public boolean mayOffer(TodayReading reading, ZoneId zone, Instant now) {
		var earliest = reading.earliestDue();
		return earliest != null && review.mayBeDue(earliest, zone, now);
	}

	@Override
	public List<NextUp> candidates(Learner learner, ZoneId zone, Instant now) {
		var size = review.size(learner, zone);
		if (size == 0) {
			return List.of();
		}
		return List.of(new NextUp(NextUp.Kind.REVIEW, "", "/review", DailyReview.minutes(size), null, null, size));
	}
}
