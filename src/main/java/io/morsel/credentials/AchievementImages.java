package io.morsel.credentials;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An achievement's image, drawn from one SVG template: a round badge with the achievement's initials and name,
 * ringed in the organisation's colours. Organisations have no colour settings yet, so their colours are derived from
 * their slug: stable, and different from one organisation to the next.
 */
public final class AchievementImages {

	private AchievementImages() {
	}

	/** The badge as an SVG document. */
	public static String svg(String achievement, String organisation, String organisationSlug) {
		var hue = Math.floorMod(Arrays.hashCode(organisationSlug.getBytes(StandardCharsets.UTF_8)), 360);
		var primary = "hsl(" + hue + ",62%,34%)";
		var accent = "hsl(" + ((hue + 40) % 360) + ",70%,86%)";
		var initials = Arrays.stream(achievement.strip().split("\\s+"))
			.filter(w -> !w.isEmpty() && Character.isLetterOrDigit(w.codePointAt(0)))
			.limit(3)
			.map(w -> new String(Character.toChars(w.codePointAt(0))).toUpperCase(Locale.ROOT))
			.collect(Collectors.joining());
		var label = achievement.length() > 28 ? achievement.substring(0, 27) + "…" : achievement;
		return """
				<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256" role="img" \
				aria-labelledby="title">
				<title id="title">%s, from %s</title>
				<circle cx="128" cy="128" r="124" fill="%s"/>
				<circle cx="128" cy="128" r="104" fill="%s"/>
				<circle cx="128" cy="128" r="96" fill="none" stroke="%s" stroke-width="3"/>
				<text x="128" y="132" text-anchor="middle" font-family="sans-serif" font-size="64" font-weight="700" \
				fill="%s">%s</text>
				<text x="128" y="176" text-anchor="middle" font-family="sans-serif" font-size="14" fill="%s">%s</text>
				</svg>
				""".formatted(xml(achievement), xml(organisation), primary, accent, primary, primary, xml(initials),
				primary, xml(label));
	}

	private static String xml(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}
}
