package io.morsel.learning.web;

import io.morsel.identity.CurrentMember;
import io.morsel.identity.Role;
import io.morsel.learning.GoalStanding;
import io.morsel.learning.Goals;
import io.morsel.learning.Learner;
import io.morsel.web.KeptFragments;
import io.morsel.web.TodaySection;
import java.time.Clock;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The daily goal card on Today: the streak, today's progress towards the goal, freezes left, minutes learned and lessons
 * mastered; one query. The card is kept per goal and whether today's is met, its figures put in per request.
 */
@Component
@Order(1)
class TodayStreak implements TodaySection {

	static final String VIEW = "learning/goal";

	private final Goals goals;
	private final KeptFragments fragments;
	private final Clock clock;

	TodayStreak(Goals goals, KeptFragments fragments, Clock clock) {
		this.goals = goals;
		this.fragments = fragments;
		this.clock = clock;
	}

	@Override
	public String render(CurrentMember me) {
		if (!me.has(Role.LEARNER)) {
			return "";
		}
		return card(goals.standing(Learner.of(me), me.zone(), clock.instant()));
	}

	String card(GoalStanding standing) {
		var goal = standing.goal();
		var streak = standing.streak();
		return fragments.kept(VIEW, "card",
				Map.of("kind", goal.kind().name(), "amount", goal.amount(), "todayMet", streak.todayMet()),
				Map.of("days", Integer.toString(streak.days()), "today", Integer.toString(streak.today()),
						"percent", Integer.toString(standing.todayPercent()),
						"freezes", Integer.toString(streak.freezesLeft()),
						"minutes", Long.toString(standing.minutesLearned()),
						"mastered", Integer.toString(standing.lessonsMastered())));
	}
}
