package io.morsel.credentials.web;

import io.morsel.credentials.AchievementPaths;
import io.morsel.identity.CurrentMember;
import io.morsel.learning.Learner;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The learner's achievements: what they hold, with links to show and share it, and the path to what is next. */
@Controller
class LearnerAchievementsController {

	private static final String PAGE = "credentials/mine";

	private final AchievementPaths paths;

	LearnerAchievementsController(AchievementPaths paths) {
		this.paths = paths;
	}

	@GetMapping("/achievements")
	String mine(@AuthenticationPrincipal CurrentMember me, Model model) {
		model.addAttribute("path", paths.of(Learner.of(me)));
		return PAGE;
	}
}
