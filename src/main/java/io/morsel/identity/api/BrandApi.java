package io.morsel.identity.api;

import io.morsel.identity.Brand;
import io.morsel.identity.BrandColour;
import io.morsel.identity.BrandColours;
import io.morsel.identity.Brands;
import io.morsel.identity.CurrentMember;
import io.morsel.shared.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The organisation's brand, for admins: its colours and its logo. */
@RestController
@Tag(name = "Organisation", description = "The organisation's settings")
class BrandApi {

	private final Brands brands;

	BrandApi(Brands brands) {
		this.brands = brands;
	}

	record ColoursBody(@Schema(description = "#rrggbb, or null for Morsel's own", example = "#1f5f8b") @Nullable String primary,
			@Schema(description = "#rrggbb, or null for Morsel's own", example = "#1f5f8b") @Nullable String accent) {
	}

	/**
	 * @param logo the logo's address (members of the organisation), or null without one
	 */
	record BrandView(@Nullable String primary, @Nullable String accent, @Nullable String logo,
			@Nullable String logoType) {

		static BrandView of(CurrentMember me, Brand brand) {
			var colours = brand.colours();
			return new BrandView(colours.primary() == null ? null : colours.primary().hex(),
					colours.accent() == null ? null : colours.accent().hex(),
					brand.hasLogo() ? "/brand/" + me.organisationSlug() + "/logo?v=" + brand.version() : null,
					brand.logoType());
		}
	}

	@GetMapping("/api/v1/organisation/brand")
	@Operation(summary = "The organisation's brand colours and logo (admins)")
	BrandView brand(@AuthenticationPrincipal CurrentMember me) {
		return BrandView.of(me, brands.of(me.organisationId()));
	}

	@PutMapping("/api/v1/organisation/brand")
	@Operation(summary = "Set the organisation's brand colours (admins): the primary colour (buttons with white text, "
			+ "links) needs a WCAG 2.x contrast of 4.5:1 with white and with the page's light grey; the accent "
			+ "(progress bars, markers) 3:1 with white. A colour that falls short is refused with its ratio")
	BrandView paint(@AuthenticationPrincipal CurrentMember me, @RequestBody ColoursBody body) {
		var colours = new BrandColours(colour(body.primary()), colour(body.accent()));
		return BrandView.of(me, brands.paint(me, colours));
	}

	@PutMapping(path = "/api/v1/organisation/brand/logo", consumes = { "image/png", "image/svg+xml" })
	@Refuses(value = HttpStatus.UNPROCESSABLE_CONTENT, when = "Not a readable PNG or SVG; an SVG with scripts, event "
			+ "handlers, embedded HTML or references outside itself")
	@Refuses(value = HttpStatus.CONTENT_TOO_LARGE, when = "Over 256 KB")
	@Operation(summary = "Give the organisation a logo (admins): a PNG or an inert SVG of at most 256 KB, shown in "
			+ "the header of its pages; what it is is read from its bytes")
	BrandView replaceLogo(@AuthenticationPrincipal CurrentMember me, @RequestBody byte[] logo) {
		return BrandView.of(me, brands.replaceLogo(me, logo));
	}

	@DeleteMapping("/api/v1/organisation/brand/logo")
	@Operation(summary = "Remove the organisation's logo (admins): pages show Morsel's mark again")
	BrandView removeLogo(@AuthenticationPrincipal CurrentMember me) {
		return BrandView.of(me, brands.removeLogo(me));
	}

	private static @Nullable BrandColour colour(@Nullable String hex) {
		return hex == null || hex.isBlank() ? null : new BrandColour(hex);
	}
}
