package io.morsel.reinforcement.web;

import io.morsel.identity.CurrentMember;
import io.morsel.reinforcement.WeightFitting;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The organisation's FSRS weights: its review log, the last fit's before and after, and fitting again. */
@Controller
class OptimizerController {

	private static final String VIEW = "reinforcement/optimizer";
	private static final String PATH = "/admin/reinforcement/optimizer";

	private final WeightFitting fitting;

	OptimizerController(WeightFitting fitting) {
		this.fitting = fitting;
	}

	@GetMapping(PATH)
	String show(@AuthenticationPrincipal CurrentMember me, Model model) {
		model.addAttribute("overview", fitting.overview(me.organisationId()));
		return VIEW;
	}

	@PostMapping(PATH + "/fit")
	String fit(@AuthenticationPrincipal CurrentMember me, RedirectAttributes redirect) {
		var fit = fitting.fitNow(me.organisationId());
		redirect.addFlashAttribute("flash", switch (fit.outcome()) {
			case NOT_ENOUGH_HISTORY -> "flash.fsrs.not-enough-history";
			case IMPROVED -> "flash.fsrs.improved";
			case CURRENT_STAYS -> "flash.fsrs.current-stays";
		});
		return "redirect:" + PATH;
	}
}
