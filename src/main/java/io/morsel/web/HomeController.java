package io.morsel.web;

import io.morsel.identity.CurrentMember;
import io.morsel.identity.Role;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Sends each person to the home of their most far-reaching role. */
@Controller
class HomeController {

	/** A message flashed to "/" (after switching organisation, say) is passed on to the home it redirects to. */
	@GetMapping("/")
	String home(@AuthenticationPrincipal CurrentMember me, Model model, RedirectAttributes redirect) {
		if (model.getAttribute("flash") instanceof String flash) {
			redirect.addFlashAttribute("flash", flash);
		}
		if (me.has(Role.ADMIN)) {
			return "redirect:/admin";
		}
		if (me.has(Role.MANAGER)) {
			return "redirect:/team";
		}
		if (me.has(Role.AUTHOR)) {
			return "redirect:/studio";
		}
		if (me.has(Role.LEARNER)) {
			return "redirect:/today";
		}
		return "redirect:/people";
	}
}
