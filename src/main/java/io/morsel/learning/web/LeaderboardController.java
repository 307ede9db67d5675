package io.morsel.learning.web;

import io.morsel.identity.CurrentMember;
import io.morsel.learning.Leaderboards;
import io.morsel.learning.Learner;
import io.morsel.shared.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The team leaderboards: a learner's page to join, see and leave them, which exists only while the organisation has
 * them on, and the administrators' switch. Plain forms.
 */
@Controller
class LeaderboardController {

	private static final String BOARD = "learning/leaderboard";
	private static final String SETTINGS = "learning/leaderboard-settings";

	private final Leaderboards leaderboards;

	LeaderboardController(Leaderboards leaderboards) {
		this.leaderboards = leaderboards;
	}

	@GetMapping("/today/team")
	String board(@AuthenticationPrincipal CurrentMember me, Model model) {
		requireOn(me);
		model.addAttribute("joined", leaderboards.joined(Learner.of(me)));
		model.addAttribute("boards", leaderboards.of(me));
		model.addAttribute("days", Leaderboards.DAYS);
		return BOARD;
	}

	@PostMapping("/today/team/membership")
	String join(@AuthenticationPrincipal CurrentMember me, RedirectAttributes redirect) {
		requireOn(me);
		leaderboards.join(Learner.of(me));
		redirect.addFlashAttribute("flash", "flash.leaderboard.joined");
		return "redirect:/today/team";
	}

	@PostMapping("/today/team/membership/removal")
	String leave(@AuthenticationPrincipal CurrentMember me, RedirectAttributes redirect) {
		requireOn(me);
		leaderboards.leave(Learner.of(me));
		redirect.addFlashAttribute("flash", "flash.leaderboard.left");
		return "redirect:/today/team";
	}

	@GetMapping("/team/leaderboards")
	String settings(@AuthenticationPrincipal CurrentMember me, Model model) {
		model.addAttribute("enabled", leaderboards.enabled(me.organisationId()));
		return SETTINGS;
	}

	@PostMapping("/team/leaderboards")
	String set(@AuthenticationPrincipal CurrentMember me, @RequestParam(defaultValue = "false") boolean enabled,
			RedirectAttributes redirect) {
		leaderboards.enable(me.organisationId(), enabled);
		redirect.addFlashAttribute("flash", enabled ? "flash.leaderboard.on" : "flash.leaderboard.off");
		return "redirect:/team/leaderboards";
	}

	/** Where the organisation keeps them off, there is no such page. */
	private void requireOn(CurrentMember me) {
		if (!leaderboards.enabled(me.organisationId())) {
			throw new NotFoundException("not-found.leaderboard");
		}
	}
}
