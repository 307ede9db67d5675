package io.morsel.identity.web;

import io.morsel.identity.CurrentMember;
import io.morsel.identity.internal.SignInThrottle;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The sign-in form; Spring Security handles its POST. */
@Controller
class SignInController {

	private static final String SIGN_IN = "identity/sign-in";

	private final SignInThrottle throttle;

	SignInController(SignInThrottle throttle) {
		this.throttle = throttle;
	}

	@GetMapping("/sign-in")
	String signIn(@AuthenticationPrincipal @Nullable CurrentMember me, Model model) {
		if (me != null) {
			return "redirect:/";
		}
		model.addAttribute("lockoutMinutes", throttle.lockoutMinutes());
		return SIGN_IN;
	}

	/**
	 * The form again, answered 503 with {@code Retry-After} (set by the sign-in POST, which forwards here), when more
	 * sign-ins than the node checks passwords for were waiting.
	 */
	@RequestMapping("/sign-in/busy")
	@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
	String busy(Model model) {
		model.addAttribute("busy", true);
		model.addAttribute("lockoutMinutes", throttle.lockoutMinutes());
		return SIGN_IN;
	}

	/** The form again, answered 429, when the client's address failed too often (forwarded from the sign-in POST). */
	@RequestMapping("/sign-in/throttled")
	@ResponseStatus(HttpStatus.TOO_MANY_REQUESTS)
	String throttled(Model model) {
		model.addAttribute("throttled", true);
		model.addAttribute("lockoutMinutes", throttle.lockoutMinutes());
		return SIGN_IN;
	}
}
