package io.morsel.identity.web;

import io.morsel.identity.internal.PasswordResets;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** "Forgot your password?": a reset link by email, then a new password. */
@Controller
class PasswordController {

	private static final String FORGOT = "identity/password-forgot";
	private static final String RESET = "identity/password-reset";

	private final PasswordResets resets;
	private final Links links;

	PasswordController(PasswordResets resets, Links links) {
		this.resets = resets;
		this.links = links;
	}

	record ForgotForm(@NotBlank @Email @Size(max = 254) String email) {
	}

	record NewPasswordForm(@NotBlank @Size(min = 10, max = 128) String password, String confirmation) {
	}

	@GetMapping("/password/forgot")
	String forgot(@ModelAttribute("form") ForgotForm form) {
		return FORGOT;
	}

	@PostMapping("/password/forgot")
	String requestReset(@Valid @ModelAttribute("form") ForgotForm form, BindingResult errors,
			HttpServletRequest request) {
		if (errors.hasErrors()) {
			return FORGOT;
		}
		resets.request(form.email(), request.getRemoteAddr(), links.to("/password/reset/"));
		return "redirect:/password/forgot?sent";
	}

	@GetMapping("/password/reset/{secret}")
	String reset(@PathVariable String secret, @ModelAttribute("form") NewPasswordForm form, Model model) {
		model.addAttribute("valid", resets.isValid(secret));
		return RESET;
	}

	@PostMapping("/password/reset/{secret}")
	String setPassword(@PathVariable String secret, @Valid @ModelAttribute("form") NewPasswordForm form,
			BindingResult errors, Model model) {
		if (!java.util.Objects.equals(form.password(), form.confirmation())) {
			errors.rejectValue("confirmation", "password.mismatch");
		}
		if (errors.hasErrors()) {
			model.addAttribute("valid", true);
			return RESET;
		}
		if (!resets.reset(secret, form.password())) {
			model.addAttribute("valid", false);
			return RESET;
		}
		return "redirect:/sign-in?reset";
	}
}
