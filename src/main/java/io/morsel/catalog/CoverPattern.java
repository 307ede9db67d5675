package io.morsel.catalog;

import java.util.Random;
import java.util.UUID;

/**
 * The cover of a program whose author uploaded none: shapes in the organisation's colours on its primary colour, the
 * same for the same id and colours, so that each program is told apart at a glance and a card never waits on a
 * choice. It is decoration (shown with an empty alternative text): it holds no text, no title and nothing a reader
 * needs.
 */
final class CoverPattern {

	static final int WIDTH = 320;
	static final int HEIGHT = 180;

	private CoverPattern() {
	}

	/**
	 * @param primary the background, {@code #rrggbb}
	 * @param dark a darker shade of it, for depth
	 * @param accent the colour of the shapes that stand out
	 */
	static String svg(UUID id, String primary, String dark, String accent) {
		// The id's own bits seed the shapes: no stored choice, and the same picture on every node.
		var random = new Random(id.getMostSignificantBits() ^ id.getLeastSignificantBits());
		var svg = new StringBuilder()
			.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
			.append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
			.append("\" preserveAspectRatio=\"xMidYMid slice\" aria-hidden=\"true\">")
			.append("<rect width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT).append("\" fill=\"")
			.append(primary).append("\"/>");
		switch (random.nextInt(3)) {
			case 0 -> circles(svg, random, dark, accent);
			case 1 -> stripes(svg, random, dark, accent);
			default -> tiles(svg, random, dark, accent);
		}
		return svg.append("</svg>").toString();
	}

	private static void circles(StringBuilder svg, Random random, String dark, String accent) {
		for (var i = 0; i < 7; i++) {
			var fill = i % 3 == 0 ? accent : i % 3 == 1 ? dark : "#ffffff";
			var opacity = fill.equals("#ffffff") ? 0.18 : 0.85;
			svg.append("<circle cx=\"").append(random.nextInt(WIDTH)).append("\" cy=\"").append(random.nextInt(HEIGHT))
				.append("\" r=\"").append(20 + random.nextInt(70)).append("\" fill=\"").append(fill)
				.append("\" fill-opacity=\"").append(opacity).append("\"/>");
		}
	}

	private static void stripes(StringBuilder svg, Random random, String dark, String accent) {
		var angle = 15 + random.nextInt(60);
		svg.append("<g transform=\"rotate(").append(random.nextBoolean() ? angle : -angle).append(' ')
			.append(WIDTH / 2).append(' ').append(HEIGHT / 2).append(")\">");
		var x = -WIDTH;
		for (var i = 0; x < 2 * WIDTH; i++) {
			var width = 12 + random.nextInt(36);
			var fill = i % 3 == 0 ? accent : i % 3 == 1 ? dark : "#ffffff";
			var opacity = fill.equals("#ffffff") ? 0.15 : 0.8;
			svg.append("<rect x=\"").append(x).append("\" y=\"").append(-HEIGHT).append("\" width=\"").append(width)
				.append("\" height=\"").append(3 * HEIGHT).append("\" fill=\"").append(fill)
				.append("\" fill-opacity=\"").append(opacity).append("\"/>");
			x += width + 10 + random.nextInt(40);
		}
		svg.append("</g>");
	}

	private static void tiles(StringBuilder svg, Random random, String dark, String accent) {
		var size = 40;
		for (var row = 0; row * size < HEIGHT; row++) {
			for (var column = 0; column * size < WIDTH; column++) {
				// The first tile is the accent's, so that every cover shows it.
				var pick = row == 0 && column == 0 ? 0 : random.nextInt(5);
				if (pick > 2) {
					continue;
				}
				var fill = pick == 0 ? accent : pick == 1 ? dark : "#ffffff";
				var opacity = fill.equals("#ffffff") ? 0.2 : 0.85;
				var x = column * size + 4;
				var y = row * size + 4;
				if (random.nextBoolean()) {
					svg.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"32\" height=\"32\" rx=\"6\"");
				}
				else {
					svg.append("<circle cx=\"").append(x + 16).append("\" cy=\"").append(y + 16).append("\" r=\"16\"");
				}
				svg.append(" fill=\"").append(fill).append("\" fill-opacity=\"").append(opacity).append("\"/>");
			}
		}
	}
}
