package io.morsel.learning.web;

import io.morsel.identity.CurrentMember;
import io.morsel.learning.DailyGoal;
import io.morsel.learning.GoalStanding;
import io.morsel.learning.Goals;
import io.morsel.learning.Leaderboards;
import io.morsel.learning.Learner;
import io.morsel.shared.InvalidValueException;
import java.time.Clock;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The learner's daily goal: where they stand (streak, minutes learned, lessons mastered) and their choice of goal. */
@Controller
class GoalController {

	private final Goals goals;
	private final TodayStreak card;
	private final Clock clock;
	private final Leaderboards leaderboards;

	GoalController(Goals goals, TodayStreak card, Clock clock, Leaderboards leaderboards) {
		this.goals = goals;
		this.leaderboards = leaderboards;
		this.card = card;
		this.clock = clock;
	}

	/** What the goal form sends; weekendsOff is a checkbox, absent when not ticked. */
	record GoalForm(@Nullable String kind, @Nullable Integer amount, @Nullable Boolean weekendsOff) {

		DailyGoal goal() {
			if (kind == null || amount == null) {
				throw new InvalidValueException("learning.refused.choose-minutes-lessons-how-many-day");
			}
			DailyGoal.Kind chosen;
			try {
				chosen = DailyGoal.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException unknown) {
				throw new InvalidValueException("learning.refused.choose-goal-minutes-lessons");
			}
			return new DailyGoal(chosen, amount, Boolean.TRUE.equals(weekendsOff));
		}
	}

	@GetMapping("/today/goal")
	ModelAndView show(@AuthenticationPrincipal CurrentMember me, Model model) {
		var standing = goals.standing(Learner.of(me), me.zone(), clock.instant());
		var goal = standing.goal();
		return page(me, standing, new GoalForm(goal.kind().name(), goal.amount(), goal.weekendsOff()), null, model);
	}

	@PostMapping("/today/goal")
	ModelAndView set(@AuthenticationPrincipal CurrentMember me, GoalForm form, Model model,
			RedirectAttributes redirect) {
		try {
			goals.set(Learner.of(me), form.goal());
		}
		catch (InvalidValueException refused) {
			var page = page(me, goals.standing(Learner.of(me), me.zone(), clock.instant()), form, refused.getMessage(),
					model);
			page.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
			return page;
		}
		redirect.addFlashAttribute("flash", "flash.goal.saved");
		return new ModelAndView("redirect:/today/goal");
	}

	private ModelAndView page(CurrentMember me, GoalStanding standing, GoalForm form, @Nullable String error,
			Model model) {
		model.addAttribute("card", card.card(standing));
		model.addAttribute("leaderboards", leaderboards.enabled(me.organisationId()));
		model.addAttribute("form", form);
		model.addAttribute("error", error);
		return new ModelAndView(TodayStreak.VIEW, model.asMap());
	}
}
