package io.morsel.learning.web;

import io.morsel.identity.CurrentMember;
import io.morsel.identity.Role;
import io.morsel.learning.GoalStanding;
import io.morsel.web.KeptFragments;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The daily goal card on Today, above every module's section, and on the goal page: the streak, today's progress
 * towards the goal, freezes left, minutes learned and lessons mastered. Today reads its figures in the programs' query
 * (learning.Progress#today). The card is kept per goal and whether today's is met, its figures put in per request.
 */
@Component
class TodayStreak {

	static final String VIEW = "learning/goal";

	private final KeptFragments fragments;

	TodayStreak(KeptFragments fragments) {
		this.fragments = fragments;
	}

	/** The card for a learner; nothing for a member who does not learn. */
	String card(CurrentMember me, GoalStanding standing) {
		return me.has(Role.LEARNER) ? card(standing) : "";
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
