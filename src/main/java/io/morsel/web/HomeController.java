package io.morsel.web;

import io.morsel.identity.CurrentMember;
import io.morsel.identity.Role;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Sends each person to the home of their most far-reaching role, and serves the learner's, author's and manager's
 * homes until their modules take them over.
 */
@Controller
class HomeController {

	@GetMapping("/")
	String home(@AuthenticationPrincipal CurrentMember me, HttpServletRequest request, RedirectAttributes redirect) {
		// Pages that redirect here (the organisation switch) leave a flash message; it must survive this second hop.
		var flash = RequestContextUtils.getInputFlashMap(request);
		if (flash != null) {
			flash.forEach(redirect::addFlashAttribute);
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

	@GetMapping("/today")
	String today() {
		return "web/today";
	}

	@GetMapping("/studio")
	String studio() {
		return "web/studio";
	}

	@GetMapping("/team")
	String team() {
		return "web/team";
	}
}
