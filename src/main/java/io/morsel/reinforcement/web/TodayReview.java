package io.morsel.reinforcement.web;

import io.morsel.identity.CurrentMember;
import io.morsel.identity.Role;
import io.morsel.learning.Learner;
import io.morsel.reinforcement.DailyReview;
import io.morsel.web.KeptFragments;
import io.morsel.web.TodaySection;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The "Review" card on Today while something is due: its size and about how long it takes, one query. */
@Component
@Order(0)
class TodayReview implements TodaySection {

	private final DailyReview review;
	private final KeptFragments fragments;

	TodayReview(DailyReview review, KeptFragments fragments) {
		this.review = review;
		this.fragments = fragments;
	}

	@Override
	public String render(CurrentMember me) {
		if (!me.has(Role.LEARNER)) {
			return "";
		}
		var size = review.size(Learner.of(me), me.zone());
		if (size == 0) {
			return "";
		}
		return fragments.once(ReviewController.VIEW, "today-card",
				Map.of("size", size, "minutes", DailyReview.minutes(size)));
	}
}
