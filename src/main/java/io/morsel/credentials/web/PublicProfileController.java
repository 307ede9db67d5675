package io.morsel.credentials.web;

import io.morsel.credentials.Profiles;
import io.morsel.credentials.PublicLinks;
import io.morsel.identity.CurrentMember;
import io.morsel.learning.Learner;
import io.morsel.shared.NotFoundException;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The learner's public profile: where they turn it on and choose what it shows (signed in), and the profile itself,
 * for anyone with its address.
 */
@Controller
class PublicProfileController {

	private static final String SETTINGS = "credentials/profile";
	private static final String PUBLIC = "credentials/public-profile";

	private final Profiles profiles;
	private final PublicLinks links;

	PublicProfileController(Profiles profiles, PublicLinks links) {
		this.profiles = profiles;
		this.links = links;
	}

	@GetMapping("/achievements/profile")
	String settings(@AuthenticationPrincipal CurrentMember me, Model model) {
		var settings = profiles.of(Learner.of(me));
		model.addAttribute("settings", settings);
		model.addAttribute("address", settings.handle() == null ? null : links.base() + "/profiles/"
				+ settings.handle());
		return SETTINGS;
	}

	@PostMapping("/achievements/profile")
	String change(@AuthenticationPrincipal CurrentMember me, @RequestParam(defaultValue = "false") boolean visible,
			@RequestParam(defaultValue = "") List<UUID> shown) {
		profiles.change(Learner.of(me), visible, shown);
		return "redirect:/achievements/profile";
	}

	@GetMapping("/profiles/{handle}")
	String profile(@PathVariable UUID handle, Model model) {
		model.addAttribute("profile", profiles.publicly(handle)
			.orElseThrow(() -> new NotFoundException("not-found.profile")));
		return PUBLIC;
	}
}
