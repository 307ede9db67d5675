package io.morsel.identity.web;

import io.morsel.identity.internal.PersonalDataExport;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.internal.Accounts;
import io.morsel.identity.security.MemberAuthentication;
import io.morsel.shared.PlainText;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A person's own profile: name, time zone, language and password. */
@Controller
class ProfileController {

	private static final String VIEW = "identity/profile";

	/** Languages the message bundles are complete in. */
	static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH);

	private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
		.filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/"))
		.sorted()
		.toList();

	private final Accounts accounts;
	private final MemberAuthentication authentication;
	private final PersonalDataExport export;

	ProfileController(Accounts accounts, MemberAuthentication authentication, PersonalDataExport export) {
		this.export = export;
		this.accounts = accounts;
		this.authentication = authentication;
	}

	record ProfileForm(@NotBlank @Size(max = 100) @PlainText String name, @NotBlank String timeZone,
			@NotBlank String language) {
	}

	record PasswordForm(@NotBlank String currentPassword, @NotBlank @Size(min = 10, max = 128) String newPassword,
			String confirmation) {
	}

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("zones", ZONES);
		model.addAttribute("languages", LANGUAGES);
	}

	/** Everything Morsel keeps about the member, as a JSON file to keep (the same as GET /api/v1/me/data). */
	@GetMapping(path = "/profile/data", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<PersonalDataExport.Download> data(@AuthenticationPrincipal CurrentMember me) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("morsel-data-" + me.organisationSlug() + ".json")
				.build()
				.toString())
			.body(export.of(me));
	}

	/**
	 * Shows or hides developer items (API tokens) in a learner's navigation; members with other roles always see them.
	 * A checkbox: sent as "true" when ticked, absent when not.
	 */
	@PostMapping("/profile/developer-items")
	String developerItems(@AuthenticationPrincipal CurrentMember me,
			@RequestParam(name = "shown", defaultValue = "false") boolean shown, RedirectAttributes redirect,
			HttpServletRequest request, HttpServletResponse response) {
		authentication.replace(accounts.showDeveloperItems(me, shown), request, response);
		redirect.addFlashAttribute("flash", "flash.profile.saved");
		return "redirect:/profile";
	}

	@GetMapping("/profile")
	String show(@AuthenticationPrincipal CurrentMember me, Model model) {
		model.addAttribute("form", new ProfileForm(me.name(), me.zone().getId(), me.locale().getLanguage()));
		model.addAttribute("passwordForm", new PasswordForm("", "", ""));
		return VIEW;
	}

	@PostMapping("/profile")
	String update(@AuthenticationPrincipal CurrentMember me, @Valid @ModelAttribute("form") ProfileForm form,
			BindingResult errors, Model model, RedirectAttributes redirect, HttpServletRequest request,
			HttpServletResponse response) {
		ZoneId zone = null;
		try {
			zone = ZoneId.of(form.timeZone());
		}
		catch (DateTimeException | NullPointerException e) {
			errors.rejectValue("timeZone", "profile.zone.unknown");
		}
		var language = Locale.forLanguageTag(form.language() == null ? "" : form.language());
		if (!LANGUAGES.contains(language)) {
			errors.rejectValue("language", "profile.language.unknown");
		}
		if (errors.hasErrors()) {
			model.addAttribute("passwordForm", new PasswordForm("", "", ""));
			return VIEW;
		}
		authentication.replace(accounts.updateProfile(me, form.name().strip(), zone, language), request, response);
		redirect.addFlashAttribute("flash", "flash.profile.saved");
		return "redirect:/profile";
	}

	@PostMapping("/profile/password")
	String changePassword(@AuthenticationPrincipal CurrentMember me,
			@Valid @ModelAttribute("passwordForm") PasswordForm form, BindingResult errors, Model model,
			RedirectAttributes redirect, HttpServletRequest request) {
		if (form.newPassword() != null && !form.newPassword().equals(form.confirmation())) {
			errors.rejectValue("confirmation", "password.mismatch");
		}
		if (!errors.hasErrors() && !accounts.changePassword(me.userId(), form.currentPassword(), form.newPassword())) {
			errors.rejectValue("currentPassword", "password.wrong");
		}
		if (errors.hasErrors()) {
			model.addAttribute("form", new ProfileForm(me.name(), me.zone().getId(), me.locale().getLanguage()));
			return VIEW;
		}
		authentication.endOtherSessions(request);
		redirect.addFlashAttribute("flash", "flash.password.changed");
		return "redirect:/profile";
	}
}
