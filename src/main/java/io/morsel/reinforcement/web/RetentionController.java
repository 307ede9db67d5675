package io.morsel.reinforcement.web;

import io.morsel.catalog.ProgramId;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Role;
import io.morsel.reinforcement.RetentionSettings;
import io.morsel.shared.InvalidValueException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Desired retention: the organisation's (administrators) and each program's (authors and administrators), as
 * percentages; a program's left blank takes the organisation's.
 */
@Controller
class RetentionController {

	private static final String VIEW = "reinforcement/retention";
	private static final String PATH = "/retention";

	private final RetentionSettings settings;

	RetentionController(RetentionSettings settings) {
		this.settings = settings;
	}

	@GetMapping(PATH)
	String show(@AuthenticationPrincipal CurrentMember me, Model model) {
		model.addAttribute("organisation", settings.desiredRetention(me.organisationId()));
		model.addAttribute("programs", settings.programs(me.organisationId()));
		model.addAttribute("admin", me.has(Role.ADMIN));
		return VIEW;
	}

	@PostMapping(PATH)
	String organisation(@AuthenticationPrincipal CurrentMember me, @RequestParam(required = false) @Nullable String percent,
			RedirectAttributes redirect) {
		if (!me.has(Role.ADMIN)) {
			throw new AccessDeniedException("The organisation's desired retention is for its administrators");
		}
		try {
			var retention = fraction(percent);
			if (retention == null) {
				throw new InvalidValueException("reinforcement.refused.organisation-s-desired-retention-needs-value");
			}
			settings.change(me.organisationId(), retention);
			redirect.addFlashAttribute("flash", "flash.retention.saved");
		}
		catch (InvalidValueException e) {
			redirect.addFlashAttribute("flash", "flash.retention.invalid");
		}
		return "redirect:" + PATH;
	}

	@PostMapping(PATH + "/programs/{id}")
	String program(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable String percent, RedirectAttributes redirect) {
		try {
			settings.change(me.organisationId(), new ProgramId(id), fraction(percent));
			redirect.addFlashAttribute("flash", "flash.retention.saved");
		}
		catch (InvalidValueException e) {
			redirect.addFlashAttribute("flash", "flash.retention.invalid");
		}
		return "redirect:" + PATH;
	}

	/** A percentage as typed (90, 92.5), as a fraction; blank is none. */
	private static @Nullable Double fraction(@Nullable String percent) {
		if (percent == null || percent.isBlank()) {
			return null;
		}
		try {
			return Double.parseDouble(percent.strip()) / 100;
		}
		catch (NumberFormatException e) {
			throw new InvalidValueException("reinforcement.refused.desired-retention-percentage-such-90");
		}
	}
}
