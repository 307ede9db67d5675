package io.morsel.credentials;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
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
		var hue = hue(organisationSlug);
		var primary = "hsl(" + hue + ",62%,34%)";
		var accent = "hsl(" + ((hue + 40) % 360) + ",70%,86%)";
		var initials = initials(achievement);
		var label = label(achievement);
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

	/**
	 * The same badge drawn as a 256-pixel PNG, for baking (a PNG badge needs pixels; the JDK draws no SVG). Fonts are
	 * the JDK's logical sans-serif.
	 */
	public static byte[] png(String achievement, String organisationSlug) {
		var hue = hue(organisationSlug);
		var primary = hsl(hue, 0.62f, 0.34f);
		var accent = hsl((hue + 40) % 360, 0.70f, 0.86f);
		var image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_ARGB);
		var g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setColor(primary);
			g.fill(new Ellipse2D.Double(4, 4, 248, 248));
			g.setColor(accent);
			g.fill(new Ellipse2D.Double(24, 24, 208, 208));
			g.setColor(primary);
			g.setStroke(new BasicStroke(3));
			g.draw(new Ellipse2D.Double(32, 32, 192, 192));
			centred(g, initials(achievement), new Font(Font.SANS_SERIF, Font.BOLD, 64), 150);
			centred(g, label(achievement), new Font(Font.SANS_SERIF, Font.PLAIN, 14), 186);
		}
		finally {
			g.dispose();
		}
		var out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	private static void centred(Graphics2D g, String text, Font font, int baseline) {
		g.setFont(font);
		var width = g.getFontMetrics().stringWidth(text);
		g.drawString(text, (256 - width) / 2f, baseline);
	}

	private static int hue(String organisationSlug) {
		return Math.floorMod(Arrays.hashCode(organisationSlug.getBytes(StandardCharsets.UTF_8)), 360);
	}

	private static Color hsl(int hue, float saturation, float lightness) {
		var c = (1 - Math.abs(2 * lightness - 1)) * saturation;
		var x = c * (1 - Math.abs((hue / 60f) % 2 - 1));
		var m = lightness - c / 2;
		float r, gr, b;
		switch (hue / 60) {
			case 0 -> { r = c; gr = x; b = 0; }
			case 1 -> { r = x; gr = c; b = 0; }
			case 2 -> { r = 0; gr = c; b = x; }
			case 3 -> { r = 0; gr = x; b = c; }
			case 4 -> { r = x; gr = 0; b = c; }
			default -> { r = c; gr = 0; b = x; }
		}
		return new Color(r + m, gr + m, b + m);
	}

	private static String initials(String achievement) {
		return Arrays.stream(achievement.strip().split("\\s+"))
			.filter(w -> !w.isEmpty() && Character.isLetterOrDigit(w.codePointAt(0)))
			.limit(3)
			.map(w -> new String(Character.toChars(w.codePointAt(0))).toUpperCase(Locale.ROOT))
			.collect(Collectors.joining());
	}

	private static String label(String achievement) {
		return achievement.length() > 28 ? achievement.substring(0, 27) + "…" : achievement;
	}

	private static String xml(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}
}
