package io.morsel.reinforcement;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Review histories replayed through Morsel's scheduler and the reference (FsrsReferenceTests), and timed by the
 * benchmark (bench/fsrs): hand-picked ones for every rule, then seeded random ones. The same seed gives the same
 * histories on every machine.
 */
public final class ReviewHistories {

	/** One history: the scheduler's parameters and the reviews of one card, in order. */
	public record History(String name, FsrsParameters parameters, List<Review> reviews) {
	}

	static final Instant START = Instant.parse("2026-01-05T09:00:00.123Z");

	private ReviewHistories() {
	}

	/** The hand-picked histories followed by {@code random} seeded random ones. */
	public static List<History> all(int random, long seed) {
		var histories = new ArrayList<>(handPicked());
		var generator = new SplittableRandom(seed);
		for (int i = 0; i < random; i++) {
			histories.add(random("random " + i, generator));
		}
		return histories;
	}

	static List<History> handPicked() {
		var histories = new ArrayList<History>();
		var defaults = FsrsParameters.DEFAULT;
		var longTerm = defaults.withShortTerm(false);
		for (var parameters : List.of(defaults, longTerm)) {
			String mode = parameters.enableShortTerm() ? "short-term on" : "short-term off";
			for (var first : Rating.values()) {
				histories.add(onTime("first " + first + ", then good, " + mode, parameters, first, Rating.GOOD,
						Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.GOOD));
			}
			histories.add(onTime("every rating in turn, " + mode, parameters, Rating.AGAIN, Rating.HARD, Rating.GOOD,
					Rating.EASY, Rating.AGAIN, Rating.HARD, Rating.GOOD, Rating.EASY, Rating.EASY, Rating.HARD));
			histories.add(onTime("learning steps again, hard, good, good, " + mode, parameters, Rating.AGAIN,
					Rating.HARD, Rating.GOOD, Rating.GOOD, Rating.GOOD));
			histories.add(onTime("lapses, relearning, " + mode, parameters, Rating.GOOD, Rating.GOOD, Rating.GOOD,
					Rating.GOOD, Rating.AGAIN, Rating.AGAIN, Rating.GOOD, Rating.GOOD, Rating.AGAIN, Rating.HARD,
					Rating.GOOD, Rating.GOOD));
			histories.add(onTime("easy all along, " + mode, parameters, Rating.EASY, Rating.EASY, Rating.EASY,
					Rating.EASY, Rating.EASY, Rating.EASY, Rating.EASY, Rating.EASY, Rating.EASY, Rating.EASY));
			histories.add(onTime("hard all along, " + mode, parameters, Rating.HARD, Rating.HARD, Rating.HARD,
					Rating.HARD, Rating.HARD, Rating.HARD, Rating.HARD, Rating.HARD));
			histories.add(gaps("long gaps, " + mode, parameters, Duration.ofDays(3 * 365), Duration.ofDays(50 * 365),
					Duration.ofDays(400), Duration.ofDays(1)));
			histories.add(gaps("same-day reviews, " + mode, parameters, Duration.ofMinutes(1), Duration.ofSeconds(30),
					Duration.ofHours(2), Duration.ofDays(3), Duration.ofMinutes(5), Duration.ofMinutes(5),
					Duration.ofHours(20), Duration.ofMinutes(1)));
			histories.add(gaps("same instant twice, " + mode, parameters, Duration.ZERO, Duration.ZERO,
					Duration.ofDays(2), Duration.ZERO));
			histories.add(gaps("across midnight UTC, " + mode, parameters, Duration.ofHours(14).plusMinutes(58),
					Duration.ofMinutes(3), Duration.ofHours(23), Duration.ofHours(25)));
		}
		histories.add(onTime("desired retention 0.8", defaults.withDesiredRetention(0.8), Rating.GOOD, Rating.GOOD,
				Rating.GOOD, Rating.HARD, Rating.AGAIN, Rating.GOOD, Rating.EASY, Rating.GOOD));
		histories.add(onTime("desired retention 0.95", defaults.withDesiredRetention(0.95), Rating.GOOD, Rating.GOOD,
				Rating.GOOD, Rating.HARD, Rating.AGAIN, Rating.GOOD, Rating.EASY, Rating.GOOD));
		histories.add(onTime("desired retention 0.8, short-term off", longTerm.withDesiredRetention(0.8), Rating.GOOD,
				Rating.GOOD, Rating.AGAIN, Rating.GOOD, Rating.EASY));
		histories.add(onTime("no learning or relearning steps", defaults.withSteps(List.of(), List.of()),
				Rating.AGAIN, Rating.GOOD, Rating.AGAIN, Rating.HARD, Rating.GOOD));
		histories.add(onTime("one learning step", defaults.withSteps(List.of(Step.parse("5m")), List.of()),
				Rating.HARD, Rating.AGAIN, Rating.GOOD, Rating.AGAIN, Rating.GOOD));
		histories.add(onTime("steps of hours and a day", defaults.withSteps(
				List.of(Step.parse("30m"), Step.parse("2h"), Step.parse("1d")), List.of(Step.parse("1h"), Step.parse("1d"))),
				Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.AGAIN, Rating.GOOD, Rating.GOOD, Rating.HARD));
		var highShortTerm = Weights.DEFAULT.with(17, 1.9).with(18, 1.5);
		histories.add(onTime("two relearning steps lower w17 and w18",
				defaults.withWeights(highShortTerm).withSteps(FsrsParameters.DEFAULT_LEARNING_STEPS,
						List.of(Step.parse("10m"), Step.parse("1h"))),
				Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.AGAIN, Rating.AGAIN, Rating.GOOD, Rating.GOOD,
				Rating.AGAIN, Rating.HARD, Rating.GOOD));
		histories.add(onTime("maximum interval 30 days", defaults.withMaximumInterval(30), Rating.EASY, Rating.EASY,
				Rating.EASY, Rating.GOOD, Rating.HARD, Rating.EASY));
		histories.add(onTime("custom weights", defaults.withWeights(new Weights(List.of(0.4, 0.9, 2.9, 10.5, 6.8,
				0.5, 1.2, 0.01, 1.5, 0.12, 1.0, 1.8, 0.1, 0.3, 2.2, 0.3, 2.6, 0.4, 0.2, 0.1, 0.3))), Rating.GOOD,
				Rating.AGAIN, Rating.GOOD, Rating.GOOD, Rating.HARD, Rating.EASY, Rating.AGAIN, Rating.GOOD));
		for (var bound : List.of(true, false)) {
			var values = new ArrayList<Double>();
			for (int i = 0; i < Weights.COUNT; i++) {
				values.add(bound ? Weights.max(i) : Math.max(Weights.min(i), i == 19 ? 0.01 : 0));
			}
			histories.add(onTime("every weight at its " + (bound ? "upper" : "lower") + " bound",
					defaults.withWeights(new Weights(values)), Rating.GOOD, Rating.AGAIN, Rating.HARD, Rating.EASY,
					Rating.GOOD, Rating.AGAIN, Rating.GOOD));
		}
		return histories;
	}

	/** Each review at the moment the previous one made the card due. */
	static History onTime(String name, FsrsParameters parameters, Rating... ratings) {
		var fsrs = new Fsrs(parameters);
		var reviews = new ArrayList<Review>();
		var card = ReviewCard.fresh(START);
		for (var rating : ratings) {
			var at = card.state() == CardState.NEW ? START : card.due();
			reviews.add(new Review(at, rating));
			card = fsrs.review(card, at, rating);
		}
		return new History(name, parameters, reviews);
	}

	/** Good at the start, then good after each gap. */
	static History gaps(String name, FsrsParameters parameters, Duration... gaps) {
		var reviews = new ArrayList<Review>();
		var at = START;
		reviews.add(new Review(at, Rating.GOOD));
		for (var gap : gaps) {
			at = at.plus(gap);
			reviews.add(new Review(at, Rating.GOOD));
		}
		return new History(name, parameters, reviews);
	}

	/** Random parameters (within their ranges) and up to 40 reviews at random times, mostly near their due date. */
	static History random(String name, SplittableRandom random) {
		var parameters = FsrsParameters.DEFAULT.withShortTerm(random.nextInt(4) != 0);
		if (random.nextBoolean()) {
			var values = new ArrayList<Double>();
			for (int i = 0; i < Weights.COUNT; i++) {
				double min = i == 19 && parameters.enableShortTerm() ? 0.01 : Weights.min(i);
				values.add(min + random.nextDouble() * (Weights.max(i) - min));
			}
			parameters = parameters.withWeights(new Weights(values));
		}
		if (random.nextInt(3) == 0) {
			parameters = parameters.withDesiredRetention(0.7 + random.nextDouble() * 0.27);
		}
		var stepChoices = List.of(List.<Step>of(), List.of(Step.parse("1m")), List.of(Step.parse("1m"), Step.parse("10m")),
				List.of(Step.parse("5m"), Step.parse("30m"), Step.parse("2h")), List.of(Step.parse("10m"), Step.parse("1d")));
		if (random.nextInt(3) == 0) {
			parameters = parameters.withSteps(stepChoices.get(random.nextInt(stepChoices.size())),
					stepChoices.get(random.nextInt(stepChoices.size())));
		}
		if (random.nextInt(8) == 0) {
			parameters = parameters.withMaximumInterval(1 + random.nextInt(365));
		}
		var fsrs = new Fsrs(parameters);
		var reviews = new ArrayList<Review>();
		var at = START.plusMillis(random.nextLong(365L * 86_400_000));
		var card = ReviewCard.fresh(at);
		int length = 1 + random.nextInt(40);
		for (int i = 0; i < length; i++) {
			if (i > 0) {
				at = next(random, at, card.due());
			}
			var rating = Rating.of(weighted(random));
			reviews.add(new Review(at, rating));
			card = fsrs.review(card, at, rating);
		}
		return new History(name, parameters, reviews);
	}

	private static Instant next(SplittableRandom random, Instant last, Instant due) {
		long millis = switch (random.nextInt(6)) {
			case 0 -> random.nextLong(60_000);
			case 1 -> random.nextLong(86_400_000);
			case 2 -> random.nextLong(400L * 86_400_000);
			default -> {
				long untilDue = due.toEpochMilli() - last.toEpochMilli();
				long jitter = (long) ((random.nextDouble() - 0.5) * 0.4 * Math.max(untilDue, 60_000));
				yield Math.max(0, untilDue + jitter);
			}
		};
		return last.plusMillis(millis);
	}

	/** Mostly good, as learners rate: again 15 %, hard 15 %, good 55 %, easy 15 %. */
	private static int weighted(SplittableRandom random) {
		int roll = random.nextInt(100);
		return roll < 15 ? 1 : roll < 30 ? 2 : roll < 85 ? 3 : 4;
	}

	/** The histories as the reference script reads them (src/test/node/fsrs/replay.mjs). */
	public static String json(List<History> histories) {
		var out = new StringBuilder("[");
		for (int h = 0; h < histories.size(); h++) {
			var history = histories.get(h);
			var p = history.parameters();
			out.append(h == 0 ? "" : ",").append("{\"parameters\":{\"w\":[");
			for (int i = 0; i < Weights.COUNT; i++) {
				out.append(i == 0 ? "" : ",").append(p.weights().w(i));
			}
			out.append("],\"request_retention\":").append(p.desiredRetention());
			out.append(",\"learning_steps\":").append(steps(p.learningSteps()));
			out.append(",\"relearning_steps\":").append(steps(p.relearningSteps()));
			out.append(",\"maximum_interval\":").append(p.maximumInterval());
			out.append(",\"enable_short_term\":").append(p.enableShortTerm());
			out.append(",\"enable_fuzz\":").append(p.enableFuzz()).append("},\"reviews\":[");
			for (int r = 0; r < history.reviews().size(); r++) {
				var review = history.reviews().get(r);
				out.append(r == 0 ? "" : ",").append('[').append(review.at().toEpochMilli()).append(',')
					.append(review.rating().grade()).append(']');
			}
			out.append("]}");
		}
		return out.append(']').toString();
	}

	private static String steps(List<Step> steps) {
		return steps.stream().map(s -> "\"" + s.minutes() + "m\"").toList().toString();
	}
}
