package io.morsel.identity.web;

import io.morsel.identity.CurrentMember;
import io.morsel.identity.internal.Accounts;
import io.morsel.identity.security.MemberAuthentication;
import io.morsel.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The organisation switcher: acts in another of the person's organisations, with their roles there. */
@Controller
class OrganisationController {

	private final Accounts accounts;
	private final MemberAuthentication authentication;

	OrganisationController(Accounts accounts, MemberAuthentication authentication) {
		this.accounts = accounts;
		this.authentication = authentication;
	}

	@PostMapping("/organisation")
	String switchTo(@AuthenticationPrincipal CurrentMember me, @RequestParam String slug, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		var member = accounts.switchTo(me.userId(), slug)
			.orElseThrow(() -> new NotFoundException("not-found.organisation"));
		authentication.replace(member, request, response);
		redirect.addFlashAttribute("flash", "flash.organisation.switched");
		return "redirect:/";
	}
}
