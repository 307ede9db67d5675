package io.morsel.reinforcement.web;

import io.morsel.reinforcement.SkillMastery.RecallCurve;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A skill's forgetting curve laid out for an inline SVG (no script): the predicted recall from the first review to some
 * days ahead as a polyline, each review a dot on it (filled when right), today and the mastery threshold as lines.
 * Coordinates are in the SVG's own units; recall 1 at the top.
 */
record RecallChart(String points, List<Dot> reviews, double nowX, double thresholdY, LocalDate from, LocalDate to,
		long recallNow, long recallAhead, long aheadDays) {

	static final int WIDTH = 600;
	static final int HEIGHT = 160;
	static final int PAD = 8;

	record Dot(double x, double y, boolean correct) {
	}

	static RecallChart of(RecallCurve curve, double threshold, ZoneId zone) {
		var first = curve.points().getFirst().at();
		var last = curve.points().getLast().at();
		var span = Math.max(1, Duration.between(first, last).toMillis());
		var points = curve.points().stream()
			.map(p -> coordinate(x(p.at(), first, span)) + "," + coordinate(y(p.recall())))
			.collect(Collectors.joining(" "));
		var dots = curve.reviews().stream()
			.map(r -> new Dot(x(r.at(), first, span), y(r.recall()), r.correct()))
			.toList();
		return new RecallChart(points, dots, x(curve.now(), first, span), y(threshold),
				LocalDate.ofInstant(first, zone), LocalDate.ofInstant(last, zone),
				Math.round(curve.standing().recall() * 100), Math.round(curve.points().getLast().recall() * 100),
				Duration.between(curve.now(), last).toDays());
	}

	static String coordinate(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

	private static double x(Instant at, Instant first, long span) {
		return PAD + (WIDTH - 2.0 * PAD) * Duration.between(first, at).toMillis() / span;
	}

	private static double y(double recall) {
		return PAD + (HEIGHT - 2.0 * PAD) * (1 - Math.max(0, Math.min(1, recall)));
	}
}
