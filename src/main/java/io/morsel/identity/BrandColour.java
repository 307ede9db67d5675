package io.morsel.identity;

import io.morsel.shared.InvalidValueException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A colour of an organisation's brand, as {@code #rrggbb}. It goes into every page's style sheet, so nothing else is
 * accepted. Its contrast with another colour is WCAG 2.x's: (L1 + 0.05) / (L2 + 0.05) of their relative luminances.
 */
public record BrandColour(String hex) {

	private static final Pattern HEX = Pattern.compile("#[0-9a-f]{6}");

	public BrandColour {
		hex = hex.strip().toLowerCase(Locale.ROOT);
		if (!HEX.matcher(hex).matches()) {
			throw new InvalidValueException("identity.refused.brand-colour-not-hex", hex);
		}
	}

	/** WCAG 2.x relative luminance, from 0 (black) to 1 (white). */
	public double luminance() {
		return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
	}

	private double channel(int at) {
		var value = Integer.parseInt(hex.substring(at, at + 2), 16) / 255.0;
		return value <= 0.04045 ? value / 12.92 : Math.pow((value + 0.055) / 1.055, 2.4);
	}

	/** The contrast ratio with the other colour, from 1 (none) to 21 (black on white). */
	public double contrastWith(BrandColour other) {
		var lighter = Math.max(luminance(), other.luminance());
		var darker = Math.min(luminance(), other.luminance());
		return (lighter + 0.05) / (darker + 0.05);
	}

	/** This colour with a share of black mixed in (0 to 1), for a hover state darker than the colour itself. */
	public BrandColour darkened(double share) {
		var mixed = new StringBuilder("#");
		for (var at = 1; at < 7; at += 2) {
			var value = (int) Math.round(Integer.parseInt(hex.substring(at, at + 2), 16) * (1 - share));
			mixed.append(String.format(Locale.ROOT, "%02x", value));
		}
		return new BrandColour(mixed.toString());
	}

	@Override
	public String toString() {
		return hex;
	}
}
