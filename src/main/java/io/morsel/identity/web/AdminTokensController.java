package io.morsel.identity.web;

import io.morsel.identity.CurrentMember;
import io.morsel.identity.internal.ApiTokens;
import io.morsel.identity.internal.Organisations;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Every API token of the organisation, with its owner, last use and expiry: admins revoke any, and cap their life. */
@Controller
class AdminTokensController {

	private static final String VIEW = "identity/admin-tokens";

	private final ApiTokens tokens;
	private final Organisations organisations;

	AdminTokensController(ApiTokens tokens, Organisations organisations) {
		this.tokens = tokens;
		this.organisations = organisations;
	}

	record PolicyForm(@NotNull @Min(1) @Max(3650) @Nullable Integer maxDays) {
	}

	@GetMapping("/admin/tokens")
	String list(@AuthenticationPrincipal CurrentMember me, Model model) {
		model.addAttribute("policy", new PolicyForm(organisations.tokenMaxDays(me.organisationId())));
		return page(me, model);
	}

	@PostMapping("/admin/tokens/policy")
	String setPolicy(@AuthenticationPrincipal CurrentMember me, @Valid @ModelAttribute("policy") PolicyForm policy,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		if (errors.hasErrors() || policy.maxDays() == null) {
			return page(me, model);
		}
		organisations.setTokenMaxDays(me.organisationId(), policy.maxDays());
		redirect.addFlashAttribute("flash", "flash.token-policy.saved");
		return "redirect:/admin/tokens";
	}

	@PostMapping("/admin/tokens/{id}/revoke")
	String revoke(@AuthenticationPrincipal CurrentMember me, @PathVariable UUID id, RedirectAttributes redirect) {
		tokens.revokeInOrganisation(me.organisationId(), id);
		redirect.addFlashAttribute("flash", "flash.token.revoked");
		return "redirect:/admin/tokens";
	}

	private String page(CurrentMember me, Model model) {
		model.addAttribute("tokens", tokens.inOrganisation(me.organisationId()));
		return VIEW;
	}
}
