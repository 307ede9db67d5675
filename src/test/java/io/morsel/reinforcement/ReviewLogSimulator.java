package io.morsel.reinforcement;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A seeded review log of learners whose memory follows FSRS-6 with known weights (the truth), scheduled by Morsel's
 * scheduler with other weights (those in use): each card starts on a random day with a first rating drawn from a
 * typical spread, then comes back when the scheduler says (learners are sometimes late, which spreads the
 * intervals); at each review the learner recalls with the truth's retrievability, and rates a recall hard, good or
 * easy in typical proportions. Same-day steps of the scheduler appear as same-day reviews.
 */
final class ReviewLogSimulator {

	static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

	private final Weights truth;
	private final FsrsParameters scheduler;

	ReviewLogSimulator(Weights truth, FsrsParameters scheduler) {
		this.truth = truth;
		this.scheduler = scheduler;
	}

	/** {@code cards} cards with at most {@code reviewsPerCard} reviews each, within a year. */
	List<LoggedReview> simulate(int cards, int reviewsPerCard, long seed) {
		var random = new SplittableRandom(seed);
		var schedule = new Fsrs(scheduler);
		var memory = new Fsrs(scheduler.withWeights(truth));
		var log = new ArrayList<LoggedReview>();
		var end = START.plus(Duration.ofDays(365));
		for (int c = 0; c < cards; c++) {
			var id = new UUID(seed, c);
			var at = START.plus(Duration.ofMinutes(random.nextLong(60L * 24 * 60)));
			var scheduled = ReviewCard.fresh(at);
			var remembered = ReviewCard.fresh(at);
			var rating = firstRating(random);
			for (int r = 0; r < reviewsPerCard && at.isBefore(end); r++) {
				if (r > 0) {
					int days = Fsrs.utcDaysBetween(remembered.lastReview().toEpochMilli(), at.toEpochMilli());
					double recall = memory.retrievability(days, remembered.stability());
					rating = random.nextDouble() < recall ? recalledRating(random) : Rating.AGAIN;
				}
				log.add(new LoggedReview(id, at, rating));
				scheduled = schedule.review(scheduled, at, rating);
				remembered = memory.review(remembered, at, rating);
				var wait = Duration.between(at, scheduled.due());
				if (wait.toDays() >= 1 && random.nextInt(3) == 0) {
					// late by up to half the interval
					wait = wait.plus(Duration.ofMinutes(random.nextLong(wait.toMinutes() / 2 + 1)));
				}
				at = at.plus(wait);
			}
		}
		return log;
	}

	private static Rating firstRating(SplittableRandom random) {
		double x = random.nextDouble();
		return x < 0.25 ? Rating.AGAIN : x < 0.35 ? Rating.HARD : x < 0.85 ? Rating.GOOD : Rating.EASY;
	}

	private static Rating recalledRating(SplittableRandom random) {
		double x = random.nextDouble();
		return x < 0.15 ? Rating.HARD : x < 0.85 ? Rating.GOOD : Rating.EASY;
	}
}
