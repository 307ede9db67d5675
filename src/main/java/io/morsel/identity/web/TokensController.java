package io.morsel.identity.web;

import io.morsel.identity.CurrentMember;
import io.morsel.identity.internal.ApiTokens;
import io.morsel.identity.internal.Organisations;
import io.morsel.shared.PlainText;
import jakarta.validation.Valid;
import io.morsel.shared.InvalidValueException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
	private final Organisations organisations;

	TokensController(ApiTokens tokens, Organisations organisations) {
		this.tokens = tokens;
		this.organisations = organisations;
	}

	@ModelAttribute("maxDays")
	int maxDays(@AuthenticationPrincipal CurrentMember me) {
		return organisations.tokenMaxDays(me.organisationId());
	}

	/** A token's name, how many days it lasts (the default when empty) and whether it may only read. */
	record TokenForm(@NotBlank @Size(max = 80) @PlainText String name, @Min(1) @Max(3650) @Nullable Integer days,
			@Nullable Boolean readOnly) {
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
		ApiTokens.IssuedToken issued;
		try {
			issued = tokens.issue(me, form.name().strip(), form.days(), Boolean.TRUE.equals(form.readOnly()));
		}
		catch (InvalidValueException e) {
			errors.rejectValue("days", "tokens.days.too-long", new Object[] { maxDays(me) }, e.getMessage());
			model.addAttribute("tokens", tokens.of(me));
			return VIEW;
		}
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
