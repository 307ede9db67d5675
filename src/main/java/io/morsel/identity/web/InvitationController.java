package io.morsel.identity.web;

import io.morsel.identity.internal.Invitations;
import io.morsel.identity.internal.Invitations.Outcome;
import io.morsel.identity.security.MemberAuthentication;
import io.morsel.shared.PlainText;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The page an invitation email links to. */
@Controller
class InvitationController {

	private static final String VIEW = "identity/invitation";

	private final Invitations invitations;
	private final MemberAuthentication authentication;

	InvitationController(Invitations invitations, MemberAuthentication authentication) {
		this.invitations = invitations;
		this.authentication = authentication;
	}

	record AcceptForm(@Size(max = 100) @PlainText @Nullable String name, @Size(max = 128) String password,
			@Nullable String confirmation, @Nullable String timeZone) {
	}

	@GetMapping("/invitations/{secret}")
	String show(@PathVariable String secret, @ModelAttribute("form") AcceptForm form, Model model) {
		var invitation = invitations.open(secret);
		model.addAttribute("invitation", invitation.orElse(null));
		// The name an admin gave in a bulk addition, for the newcomer to keep or correct.
		if (form.name() == null && invitation.isPresent() && invitation.get().name() != null) {
			model.addAttribute("form", new AcceptForm(invitation.get().name(), "", null, null));
		}
		return VIEW;
	}

	@PostMapping("/invitations/{secret}")
	String accept(@PathVariable String secret, @Valid @ModelAttribute("form") AcceptForm form, BindingResult errors,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		var invitation = invitations.open(secret);
		model.addAttribute("invitation", invitation.orElse(null));
		if (invitation.isEmpty()) {
			return VIEW;
		}
		if (!invitation.get().hasAccount()) {
			if (form.name() == null || form.name().isBlank()) {
				errors.rejectValue("name", "NotBlank");
			}
			if (form.password() == null || form.password().length() < 10) {
				errors.rejectValue("password", "password.too-short");
			}
			else if (!form.password().equals(form.confirmation())) {
				errors.rejectValue("confirmation", "password.mismatch");
			}
		}
		if (errors.hasErrors()) {
			return VIEW;
		}
		var acceptance = invitations.accept(secret, form.name() == null ? "" : form.name().strip(), form.password(),
				zone(form.timeZone()));
		var outcome = acceptance.outcome();
		if (outcome == Outcome.WRONG_PASSWORD) {
			errors.rejectValue("password", "password.wrong");
			return VIEW;
		}
		if (outcome == Outcome.INVALID_LINK) {
			model.addAttribute("invitation", null);
			return VIEW;
		}
		// Joined: signed in at once, in the organisation that invited them.
		authentication.replace(acceptance.member(), request, response);
		return "redirect:/";
	}

	/** The browser's time zone when it sent one we know, UTC otherwise; the profile page changes it. */
	private static String zone(@Nullable String zone) {
		try {
			return zone == null || zone.isBlank() ? "UTC" : ZoneId.of(zone).getId();
		}
		catch (DateTimeException e) {
			return "UTC";
		}
	}
}
