package io.morsel.identity.web;

import io.morsel.identity.BrandColour;
import io.morsel.identity.BrandColours;
import io.morsel.identity.Brands;
import io.morsel.identity.CurrentMember;
import io.morsel.shared.InvalidValueException;
import io.morsel.shared.NotFoundException;
import io.morsel.shared.UnusableImageException;
import java.io.IOException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's brand page (the organisation's colours and logo), and the logo itself for the organisation's members.
 * A colour or logo that is refused is shown beside what was sent.
 */
@Controller
class BrandController {

	private static final String VIEW = "identity/brand";

	private final Brands brands;

	BrandController(Brands brands) {
		this.brands = brands;
	}

	@GetMapping("/admin/brand")
	String show(@AuthenticationPrincipal CurrentMember me, Model model) {
		var colours = brands.of(me.organisationId()).colours();
		model.addAttribute("primary", colours.primary() == null ? "" : colours.primary().hex());
		model.addAttribute("accent", colours.accent() == null ? "" : colours.accent().hex());
		return page(me, model);
	}

	/** Each colour is judged on its own, so that both can be told what to fix at once; a blank one is Morsel's. */
	@PostMapping("/admin/brand")
	String paint(@AuthenticationPrincipal CurrentMember me, @RequestParam(defaultValue = "") String primary,
			@RequestParam(defaultValue = "") String accent, Model model, RedirectAttributes redirect) {
		model.addAttribute("primary", primary);
		model.addAttribute("accent", accent);
		BrandColour primaryColour = null;
		BrandColour accentColour = null;
		try {
			primaryColour = colour(primary);
			new BrandColours(primaryColour, null);
		}
		catch (InvalidValueException refused) {
			model.addAttribute("primaryError", refused.getBody().getDetail());
		}
		try {
			accentColour = colour(accent);
			new BrandColours(null, accentColour);
		}
		catch (InvalidValueException refused) {
			model.addAttribute("accentError", refused.getBody().getDetail());
		}
		if (model.containsAttribute("primaryError") || model.containsAttribute("accentError")) {
			return page(me, model);
		}
		brands.paint(me, new BrandColours(primaryColour, accentColour));
		redirect.addFlashAttribute("flash", "flash.brand.saved");
		return "redirect:/admin/brand";
	}

	@PostMapping("/admin/brand/logo")
	String replaceLogo(@AuthenticationPrincipal CurrentMember me,
			@RequestParam(required = false) @Nullable MultipartFile logo, Model model, RedirectAttributes redirect)
			throws IOException {
		try {
			if (logo == null || logo.isEmpty()) {
				throw new UnusableImageException("identity.refused.logo-choose-file");
			}
			if (logo.getSize() > Brands.MAX_LOGO_BYTES) {
				throw new UnusableImageException("identity.refused.logo-most-kb", Brands.MAX_LOGO_BYTES / 1024);
			}
			brands.replaceLogo(me, logo.getBytes());
		}
		catch (UnusableImageException refused) {
			show(me, model);
			model.addAttribute("logoError", refused.getBody().getDetail());
			return VIEW;
		}
		redirect.addFlashAttribute("flash", "flash.brand.logo-saved");
		return "redirect:/admin/brand";
	}

	@PostMapping("/admin/brand/logo/removal")
	String removeLogo(@AuthenticationPrincipal CurrentMember me, RedirectAttributes redirect) {
		brands.removeLogo(me);
		redirect.addFlashAttribute("flash", "flash.brand.logo-removed");
		return "redirect:/admin/brand";
	}

	/**
	 * The logo of the organisation the member acts in; any other organisation's is not found. Its address carries the
	 * brand's version, so browsers keep it until it changes.
	 */
	@GetMapping("/brand/{slug}/logo")
	ResponseEntity<byte[]> logo(@AuthenticationPrincipal CurrentMember me, @PathVariable String slug) {
		if (!slug.equals(me.organisationSlug())) {
			throw new NotFoundException("not-found.logo");
		}
		var logo = brands.logo(me.organisationId()).orElseThrow(() -> new NotFoundException("not-found.logo"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(logo.mediaType()))
			.cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePrivate())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
			.body(logo.content());
	}

	private String page(CurrentMember me, Model model) {
		model.addAttribute("brand", brands.of(me.organisationId()));
		return VIEW;
	}

	private static @Nullable BrandColour colour(String typed) {
		return typed.isBlank() ? null : new BrandColour(typed);
	}
}
