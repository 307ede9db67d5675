package io.morsel.identity;

import io.morsel.shared.InvalidValueException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * An organisation's brand colours, each optional (Morsel's own in its place), that keep every page readable: the
 * primary colour is the background of buttons with white text and the colour of links on white and on the page's
 * light grey, so it needs WCAG 2.x's 4.5:1 with each; the accent fills progress bars and marks the current page, shapes
 * a learner must see but not read, so it needs the 3:1 of non-text contrast (WCAG 1.4.11) against white.
 */
public record BrandColours(@Nullable BrandColour primary, @Nullable BrandColour accent) {

	public static final BrandColours MORSEL = new BrandColours(null, null);

	/** What a page's text and shapes sit on: the button text and cards (white) and the page background. */
	static final BrandColour WHITE = new BrandColour("#ffffff");
	static final BrandColour PAGE = new BrandColour("#f3f6f9");
	/** Badges: the darker primary on a light blue-grey. */
	static final BrandColour BADGE = new BrandColour("#e3edf5");

	static final double TEXT = 4.5;
	static final double SHAPES = 3.0;

	/** The share of black in the hover and badge-text shade of the primary colour. */
	static final double DARKER = 0.25;

	public BrandColours {
		if (primary != null) {
			require("primary", primary, WHITE, "the white text of buttons", TEXT);
			require("primary", primary, PAGE, "the page's light grey background, where links sit", TEXT);
			require("primary", primary.darkened(DARKER), BADGE, "the light background of badges (its darker shade)",
					TEXT);
		}
		if (accent != null) {
			require("accent", accent, WHITE, "the white behind progress bars and the current page's marker", SHAPES);
		}
	}

	private static void require(String which, BrandColour colour, BrandColour against, String usedWith,
			double minimum) {
		var ratio = colour.contrastWith(against);
		if (ratio < minimum) {
			// Rounded down, so that a refused ratio is never shown as the minimum itself.
			var shown = BigDecimal.valueOf(ratio).setScale(2, RoundingMode.DOWN).stripTrailingZeros().toPlainString();
			throw new InvalidValueException("identity.refused.brand-colour-contrast", which, colour, shown, usedWith,
					BigDecimal.valueOf(minimum).stripTrailingZeros().toPlainString());
		}
	}

	/** The darker shade of the primary colour, for hovers and badge text. */
	public @Nullable BrandColour primaryDark() {
		return primary == null ? null : primary.darkened(DARKER);
	}
}
