package io.morsel.authoring;

import io.morsel.identity.CurrentMember;
import io.morsel.shared.InvalidValueException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's page of the organisation's publishing rules. */
@Controller
class AuthoringSettingsController {

	private static final String SETTINGS = "authoring/settings";

	private final AuthoringSettings settings;

	AuthoringSettingsController(AuthoringSettings settings) {
		this.settings = settings;
	}

	@GetMapping("/admin/authoring")
	String settings(@AuthenticationPrincipal CurrentMember me, Model model) {
		model.addAttribute("policy", settings.policy(me.organisationId()));
		return SETTINGS;
	}

	/** An unchecked box is not sent: no value means the objectives only warn. */
	@PostMapping("/admin/authoring")
	String change(@AuthenticationPrincipal CurrentMember me,
			@RequestParam(defaultValue = "false") boolean objectivesBlockPublishing,
			@RequestParam(defaultValue = "" + AuthoringPolicy.DEFAULT_MAX_LESSON_MINUTES) int maxLessonMinutes,
			@RequestParam(defaultValue = "" + AuthoringPolicy.DEFAULT_PROGRAM_LESSONS_BEFORE_MODULES) int programLessonsBeforeModules,
			Model model, RedirectAttributes redirect) {
		try {
			settings.change(me, new AuthoringPolicy(objectivesBlockPublishing, maxLessonMinutes, programLessonsBeforeModules));
		}
		catch (InvalidValueException refused) {
			model.addAttribute("error", refused.getMessage());
			return settings(me, model);
		}
		redirect.addFlashAttribute("flash", "authoring.settings.saved");
		return "redirect:/admin/authoring";
	}
}
