package io.morsel.identity.web;

import io.morsel.identity.CurrentMember;
import io.morsel.identity.internal.SignInThrottle;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in form; Spring Security handles its POST. */
@Controller
class SignInController {

	@GetMapping("/sign-in")
	String signIn(@AuthenticationPrincipal @Nullable CurrentMember me, Model model) {
		if (me != null) {
			return "redirect:/";
		}
		model.addAttribute("lockoutMinutes", SignInThrottle.LOCKOUT.toMinutes());
		return "identity/sign-in";
	}
}
