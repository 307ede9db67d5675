package io.morsel.identity.web;

import io.morsel.identity.CurrentMember;
import io.morsel.identity.internal.ApiTokens;
import io.morsel.shared.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A person's personal access tokens for the API: create (the secret is shown once), list, revoke. */
@Controller
class TokensController {

	private static final String VIEW = "identity/tokens";

	private final ApiTokens tokens;

	TokensController(ApiTokens tokens) {
		this.tokens = tokens;
	}

	record TokenForm(@NotBlank @Size(max = 80) @PlainText String name) {
	}

	@GetMapping("/tokens")
	String list(@AuthenticationPrincipal CurrentMember me, @ModelAttribute("form") TokenForm form, Model model) {
		model.addAttribute("tokens", tokens.of(me));
		return VIEW;
	}

	@PostMapping("/tokens")
	String create(@AuthenticationPrincipal CurrentMember me, @Valid @ModelAttribute("form") TokenForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			model.addAttribute("tokens", tokens.of(me));
			return VIEW;
		}
		var issued = tokens.issue(me, form.name().strip());
		redirect.addFlashAttribute("secret", issued.secret());
		redirect.addFlashAttribute("flash", "flash.token.created");
		return "redirect:/tokens";
	}

	/** With htmx the row is replaced by nothing; without it the page reloads. */
	@PostMapping("/tokens/{id}/revoke")
	String revoke(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, RedirectAttributes redirect) {
		tokens.revoke(me, id);
		if (htmx != null) {
			return "identity/token-revoked";
		}
		redirect.addFlashAttribute("flash", "flash.token.revoked");
		return "redirect:/tokens";
	}
}
