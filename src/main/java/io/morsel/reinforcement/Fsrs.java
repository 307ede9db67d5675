package io.morsel.reinforcement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The FSRS-6 scheduler: given a card and a review, the card after it. Immutable and free of I/O, so one instance
 * serves every thread.
 *
 * <p>Written from the published FSRS-6 formulas (the FSRS wiki's "The Algorithm", FSRS-6) and checked review by
 * review against the reference implementation ts-fsrs 5 (FsrsReferenceTests). Where ts-fsrs rounds an intermediate
 * result to 8 decimals, so does this class, because the rounding decides some intervals. Each method names the
 * formula it computes; w0…w20 are the {@link Weights}, G the grade (1 again … 4 easy), S stability in days, D
 * difficulty (1–10), R retrievability, t the days since the last review.
 */
public final class Fsrs {

	private static final long MINUTE = 60_000;
	private static final long DAY = 86_400_000;
	private static final double S_MAX = 36500;

	private final FsrsParameters parameters;
	private final double[] w;
	/** -w20: the exponent of the power forgetting curve. */
	private final double decay;
	/** 0.9^(1/decay) − 1, so that R(S, S) = 0.9 whatever the decay. */
	private final double factor;
	/** How many stabilities make one interval at the desired retention. */
	private final double intervalModifier;
	private final int[] learningSteps;
	private final int[] relearningSteps;

	public Fsrs(FsrsParameters parameters) {
		this.parameters = parameters;
		this.w = parameters.weights().values().stream().mapToDouble(Double::doubleValue).toArray();
		lowerShortTermCeiling(w, parameters.relearningSteps().size());
		this.decay = -w[20];
		this.factor = round8(Math.exp(Math.log(0.9) / decay) - 1);
		this.intervalModifier = round8((Math.pow(parameters.desiredRetention(), 1 / decay) - 1) / factor);
		this.learningSteps = parameters.learningSteps().stream().mapToInt(Step::minutes).toArray();
		this.relearningSteps = parameters.relearningSteps().stream().mapToInt(Step::minutes).toArray();
	}

	public FsrsParameters parameters() {
		return parameters;
	}

	/**
	 * With n > 1 relearning steps, each "again" in relearning multiplies S by e^(w17·w18) at most; the optimizer caps
	 * w17 and w18 at √(−(ln w11 + ln(2^w13 − 1) + 0.3·w14) / n) (clamped to 0.01…2) so that n such steps cannot
	 * lift S above the stability after a lapse. ts-fsrs: clipParameters.
	 */
	static void lowerShortTermCeiling(double[] w, int relearningSteps) {
		if (relearningSteps <= 1) {
			return;
		}
		double value = -(Math.log(w[11]) + Math.log(Math.pow(2, w[13]) - 1) + w[14] * 0.3) / relearningSteps;
		double ceiling = clamp(round8(Math.sqrt(Math.max(value, 0))), 0.01, Weights.W17_W18_CEILING);
		w[17] = clamp(w[17], 0, ceiling);
		w[18] = clamp(w[18], 0, ceiling);
	}

	/** Replays reviews in order from a new card; one card per review, as it stands after that review. */
	public List<ReviewCard> replay(List<Review> reviews) {
		var cards = new ArrayList<ReviewCard>(reviews.size());
		if (reviews.isEmpty()) {
			return cards;
		}
		var card = ReviewCard.fresh(reviews.getFirst().at());
		for (var review : reviews) {
			card = review(card, review.at(), review.rating());
			cards.add(card);
		}
		return cards;
	}

	/** The card after a review at {@code at} rated {@code rating}; reviews must not go back in time. */
	public ReviewCard review(ReviewCard card, Instant at, Rating rating) {
		var last = card.lastReview();
		if (last != null && at.isBefore(last)) {
			throw new IllegalArgumentException("A review at " + at + " comes before the card's last review at " + last);
		}
		long now = at.toEpochMilli();
		int elapsed = card.state() == CardState.NEW || last == null ? 0 : utcDaysBetween(last.toEpochMilli(), now);
		var review = new Reviewing(card, now, elapsed, card.reps() + 1);
		return parameters.enableShortTerm() ? review.withSteps(rating) : review.inWholeDays(rating);
	}

	/**
	 * Whole days between two instants counted on UTC calendar dates, as FSRS implementations count t: a review at
	 * 23:59 and one at 00:01 are a day apart. ts-fsrs: dateDiffInDays.
	 */
	static int utcDaysBetween(long fromMillis, long toMillis) {
		return (int) (Math.floorDiv(toMillis, DAY) - Math.floorDiv(fromMillis, DAY));
	}

	// ---- The FSRS-6 formulas ----

	/**
	 * The forgetting curve R(t, S) = (1 + factor · t / S)^(−w20), with factor = 0.9^(−1/w20) − 1, the power curve of
	 * FSRS-6 whose decay w20 is a trained weight.
	 */
	public double retrievability(double elapsedDays, double stability) {
		return round8(Math.pow(1 + factor * elapsedDays / stability, decay));
	}

	/**
	 * The inverse of the forgetting curve: the days after a review at which recall falls to {@code retrievability}
	 * (strictly between 0 and 1) for a card of this stability.
	 */
	public double daysUntil(double retrievability, double stability) {
		return stability / factor * (Math.pow(retrievability, 1 / decay) - 1);
	}

	/** Initial stability S0(G) = w(G−1), at least 0.1 day. */
	double initialStability(Rating rating) {
		return Math.max(w[rating.grade() - 1], 0.1);
	}

	/** Initial difficulty D0(G) = w4 − e^(w5·(G−1)) + 1 (FSRS-5 onward), not yet clamped to 1…10. */
	double initialDifficulty(Rating rating) {
		return round8(w[4] - Math.exp((rating.grade() - 1) * w[5]) + 1);
	}

	/**
	 * Next difficulty: ΔD = −w6·(G − 3), damped linearly as D approaches 10 (ΔD·(10 − D)/9, FSRS-5 onward), then
	 * mean reversion towards D0(easy): D'' = w7·D0(4) + (1 − w7)·(D + damped ΔD), clamped to 1…10.
	 */
	double nextDifficulty(double difficulty, Rating rating) {
		double delta = -w[6] * (rating.grade() - 3);
		double damped = difficulty + round8(delta * (10 - difficulty) / 9);
		double reverted = round8(w[7] * initialDifficulty(Rating.EASY) + (1 - w[7]) * damped);
		return clamp(reverted, 1, 10);
	}

	/**
	 * Stability after a successful recall: S'r = S·(1 + e^w8·(11 − D)·S^(−w9)·(e^(w10·(1 − R)) − 1)·h·e), where
	 * h = w15 for hard and e = w16 for easy, 1 otherwise.
	 */
	double recallStability(double difficulty, double stability, double retrievability, Rating rating) {
		double hardPenalty = rating == Rating.HARD ? w[15] : 1;
		double easyBonus = rating == Rating.EASY ? w[16] : 1;
		double growth = Math.exp(w[8]) * (11 - difficulty) * Math.pow(stability, -w[9])
				* (Math.exp((1 - retrievability) * w[10]) - 1) * hardPenalty * easyBonus;
		return round8(clamp(stability * (1 + growth), Weights.S_MIN, S_MAX));
	}

	/** Stability after a lapse: S'f = w11·D^(−w12)·((S + 1)^w13 − 1)·e^(w14·(1 − R)). */
	double forgetStability(double difficulty, double stability, double retrievability) {
		return round8(clamp(w[11] * Math.pow(difficulty, -w[12]) * (Math.pow(stability + 1, w[13]) - 1)
				* Math.exp((1 - retrievability) * w[14]), Weights.S_MIN, S_MAX));
	}

	/**
	 * Stability after a review on the same day (FSRS-6): S' = S·S^(−w19)·e^(w17·(G − 3 + w18)), where the factor is
	 * at least 1 for hard and better, so a same-day success never lowers stability.
	 */
	double shortTermStability(double stability, Rating rating) {
		double increase = Math.pow(stability, -w[19]) * Math.exp(w[17] * (rating.grade() - 3 + w[18]));
		if (rating != Rating.AGAIN) {
			increase = Math.max(increase, 1);
		}
		return round8(clamp(stability * increase, Weights.S_MIN, S_MAX));
	}

	/**
	 * The memory after a review t days after the last one: initial values for a card without memory, the short-term
	 * formula on the same day (short-term on), the lapse formula on "again" — never above the stability a same-day
	 * "again" could have reached, S/e^(w17·w18) — and the recall formula otherwise. ts-fsrs: next_state.
	 */
	private Memory nextMemory(double difficulty, double stability, int elapsedDays, Rating rating, double retrievability) {
		if (difficulty == 0 && stability == 0) {
			return new Memory(clamp(initialDifficulty(rating), 1, 10), initialStability(rating));
		}
		double next;
		if (elapsedDays == 0 && parameters.enableShortTerm()) {
			next = shortTermStability(stability, rating);
		}
		else if (rating == Rating.AGAIN) {
			double shortTerm = parameters.enableShortTerm() ? w[17] * w[18] : 0;
			double lowest = round8(stability / Math.exp(shortTerm));
			next = Math.min(Math.max(lowest, Weights.S_MIN), forgetStability(difficulty, stability, retrievability));
		}
		else {
			next = recallStability(difficulty, stability, retrievability, rating);
		}
		return new Memory(nextDifficulty(difficulty, rating), next);
	}

	/**
	 * The interval I = S·(r^(1/decay) − 1)/factor at desired retention r, rounded to whole days, at least 1 and at
	 * most the maximum interval, then fuzzed if fuzz is on.
	 */
	int nextInterval(double stability, int elapsedDays, double fuzz) {
		long interval = Math.min(Math.max(1, Math.round(stability * intervalModifier)), parameters.maximumInterval());
		if (!parameters.enableFuzz() || interval < 2.5) {
			return (int) interval;
		}
		return fuzzed(interval, elapsedDays, parameters.maximumInterval(), fuzz);
	}

	/**
	 * Spreads an interval I over I − δ … I + δ with δ = 1 + 0.15·(part of I in 2.5…7) + 0.10·(part in 7…20) +
	 * 0.05·(part above 20), never below 2 days, nor at or below the days already elapsed, nor above the maximum.
	 * {@code fuzz} is uniform from 0 (included) to 1 (excluded). ts-fsrs: get_fuzz_range and apply_fuzz.
	 */
	static int fuzzed(double interval, int elapsedDays, int maximumInterval, double fuzz) {
		double delta = 1 + 0.15 * Math.max(Math.min(interval, 7) - 2.5, 0) + 0.1 * Math.max(Math.min(interval, 20) - 7, 0)
				+ 0.05 * Math.max(interval - 20, 0);
		interval = Math.min(interval, maximumInterval);
		long min = Math.max(2, Math.round(interval - delta));
		long max = Math.min(Math.round(interval + delta), maximumInterval);
		if (interval > elapsedDays) {
			min = Math.max(min, elapsedDays + 1);
		}
		min = Math.min(min, max);
		return (int) Math.floor(fuzz * (max - min + 1) + min);
	}

	static double round8(double value) {
		return Math.round(value * 1e8) / 1e8;
	}

	static double clamp(double value, double min, double max) {
		return Math.min(Math.max(value, min), max);
	}

	/** Stability and difficulty: FSRS's memory state. */
	private record Memory(double difficulty, double stability) {
	}

	/** One review of one card: the card before it, and the facts every rating's outcome is computed from. */
	private final class Reviewing {

		private final ReviewCard card;
		private final long now;
		private final int elapsed;
		private final int reps;

		Reviewing(ReviewCard card, long now, int elapsed, int reps) {
			this.card = card;
			this.now = now;
			this.elapsed = elapsed;
			this.reps = reps;
		}

		/** Short-term on: new cards and lapses go through their steps (ts-fsrs: BasicScheduler). */
		ReviewCard withSteps(Rating rating) {
			return switch (card.state()) {
				case NEW -> stepped(memory(rating, 0), rating, CardState.LEARNING, card.lapses());
				case LEARNING, RELEARNING -> stepped(memory(rating, retrievability()), rating, card.state(), card.lapses());
				case REVIEW -> rating == Rating.AGAIN
						? stepped(memory(rating, retrievability()), rating, CardState.RELEARNING, card.lapses() + 1)
						: reviewed(rating);
			};
		}

		/** Short-term off: every review, the first included, schedules in whole days (ts-fsrs: LongTermScheduler). */
		ReviewCard inWholeDays(Rating rating) {
			double r = card.state() == CardState.NEW ? 0 : retrievability();
			int lapses = card.state() != CardState.NEW && rating == Rating.AGAIN ? card.lapses() + 1 : card.lapses();
			double fuzz = fuzz();
			var memories = new Memory[4];
			int[] intervals = new int[4];
			for (var each : Rating.values()) {
				memories[each.ordinal()] = memory(each, r);
				intervals[each.ordinal()] = nextInterval(memories[each.ordinal()].stability(), elapsed, fuzz);
			}
			intervals[0] = Math.min(intervals[0], intervals[1]);
			intervals[1] = Math.max(intervals[1], intervals[0] + 1);
			intervals[2] = Math.max(intervals[2], intervals[1] + 1);
			intervals[3] = Math.max(intervals[3], intervals[2] + 1);
			var memory = memories[rating.ordinal()];
			int interval = intervals[rating.ordinal()];
			return card(CardState.REVIEW, now + interval * DAY, memory, elapsed, interval, lapses, 0);
		}

		/**
		 * A review-state card recalled (hard, good, easy): the three intervals are kept in order, hard ≤ good − 1 and
		 * easy ≥ good + 1, so a better rating never schedules sooner (ts-fsrs: BasicScheduler.next_interval).
		 */
		private ReviewCard reviewed(Rating rating) {
			double r = retrievability();
			double fuzz = fuzz();
			var hard = memory(Rating.HARD, r);
			var good = rating == Rating.HARD ? hard : memory(Rating.GOOD, r);
			int hardInterval = nextInterval(hard.stability(), elapsed, fuzz);
			int goodInterval = nextInterval(good.stability(), elapsed, fuzz);
			hardInterval = Math.min(hardInterval, goodInterval);
			goodInterval = Math.max(goodInterval, hardInterval + 1);
			if (rating == Rating.HARD) {
				return card(CardState.REVIEW, now + hardInterval * DAY, hard, elapsed, hardInterval, card.lapses(), 0);
			}
			if (rating == Rating.GOOD) {
				return card(CardState.REVIEW, now + goodInterval * DAY, good, elapsed, goodInterval, card.lapses(), 0);
			}
			var easy = memory(Rating.EASY, r);
			int easyInterval = Math.max(nextInterval(easy.stability(), elapsed, fuzz), goodInterval + 1);
			return card(CardState.REVIEW, now + easyInterval * DAY, easy, elapsed, easyInterval, card.lapses(), 0);
		}

		/**
		 * Learning steps (ts-fsrs: BasicLearningStepsStrategy and applyLearningSteps): again goes back to the first
		 * step, hard repeats the current one (halfway to the next, or 1.5 times a single step), good moves on to the
		 * next; a step of a day or more, or no step left (good on the last, easy always), graduates to review.
		 */
		private ReviewCard stepped(Memory memory, Rating rating, CardState stepping, int lapses) {
			int[] steps = card.state() == CardState.RELEARNING || card.state() == CardState.REVIEW ? relearningSteps
					: learningSteps;
			int current = card.step();
			int minutes = 0;
			int next = 0;
			if (steps.length > 0 && current < steps.length) {
				if (card.state() == CardState.REVIEW) {
					if (rating == Rating.AGAIN) {
						minutes = steps[Math.max(0, current)];
					}
				}
				else if (rating == Rating.AGAIN) {
					minutes = steps[0];
				}
				else if (rating == Rating.HARD) {
					minutes = (int) (steps.length == 1 ? Math.round(steps[0] * 1.5)
							: Math.round((steps[0] + steps[1]) / 2.0));
					next = current;
				}
				else if (rating == Rating.GOOD && current + 1 < steps.length && steps[current + 1] > 0) {
					minutes = steps[current + 1];
					next = current + 1;
				}
			}
			if (minutes > 0 && minutes < 1440) {
				return card(stepping, now + minutes * MINUTE, memory, elapsed, 0, lapses, next);
			}
			if (minutes >= 1440) {
				return card(CardState.REVIEW, now + minutes * MINUTE, memory, elapsed, minutes / 1440, lapses, next);
			}
			int interval = nextInterval(memory.stability(), elapsed, fuzz());
			return card(CardState.REVIEW, now + interval * DAY, memory, elapsed, interval, lapses, 0);
		}

		private Memory memory(Rating rating, double retrievability) {
			return nextMemory(card.difficulty(), card.stability(), elapsed, rating, retrievability);
		}

		private double retrievability() {
			return Fsrs.this.retrievability(elapsed, card.stability());
		}

		/**
		 * The same uniform number for every interval of one review, derived from the review's time, count and memory,
		 * so a replay schedules the same days again.
		 */
		private double fuzz() {
			if (!parameters.enableFuzz()) {
				return 0;
			}
			long seed = now * 31 + reps;
			seed = seed * 31 + Double.doubleToLongBits(card.difficulty() * card.stability());
			return new SplittableRandom(seed).nextDouble();
		}

		private ReviewCard card(CardState state, long due, Memory memory, int elapsedDays, int scheduledDays,
				int lapses, int step) {
			return new ReviewCard(state, Instant.ofEpochMilli(due), memory.stability(), memory.difficulty(),
					elapsedDays, scheduledDays, reps, lapses, step, Instant.ofEpochMilli(now));
		}
	}
}
