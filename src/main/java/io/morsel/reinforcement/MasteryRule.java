package io.morsel.reinforcement;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The mastery rule over a learner's cards of one skill (docs/reinforcement.md, "Mastery"): pure, given the forgetting
 * curve the organisation schedules with, its thresholds and the time.
 *
 * <p>An item holds when its reviews include correct answers on at least {@code days} separate UTC dates (as FSRS counts
 * days), its latest review is correct, and that review came at least {@code intervalDays} UTC dates after the review
 * before it. The skill is mastered when every item of it holds and the predicted recall of the weakest holds the
 * threshold. A skill's recall is its weakest card's, not the mean: mastery promises every item, and a mean would hide
 * the one item about to be forgotten.
 */
final class MasteryRule {

	/** One review of an item: when, and whether the answer was right. */
	record Answer(Instant at, boolean correct) {
	}

	/** One card of the skill: its memory now, and its reviews in time order. */
	record Item(double stability, Instant lastReview, List<Answer> answers) {

		Item {
			answers = List.copyOf(answers);
		}
	}

	/**
	 * Where the learner stands with the skill at a time.
	 *
	 * @param recall the weakest item's predicted recall
	 * @param stability the weakest item's stability, in days
	 * @param lapsesAt while mastered, when the weakest item's recall falls below the threshold
	 */
	record Standing(MasteryStatus status, double recall, double stability, int items, @Nullable Instant lastReviewedAt,
			@Nullable Instant lapsesAt, @Nullable Item weakest) {
	}

	private final Fsrs curve;
	private final MasteryThresholds thresholds;

	MasteryRule(Fsrs curve, MasteryThresholds thresholds) {
		this.curve = curve;
		this.thresholds = thresholds;
	}

	/** Predicted recall of an item at a time: the forgetting curve at the fractional days since its last review. */
	double recall(Item item, Instant at) {
		return recall(item.stability(), item.lastReview(), at);
	}

	double recall(double stability, Instant lastReview, Instant at) {
		if (stability <= 0) {
			return 0;
		}
		var days = Math.max(0, Duration.between(lastReview, at).toMillis()) / 86_400_000.0;
		return curve.retrievability(days, stability);
	}

	/** Whether one item's reviews meet the rule's days and interval (recall apart). */
	boolean holds(List<Answer> answers) {
		if (answers.isEmpty()) {
			return false;
		}
		var last = answers.getLast();
		if (!last.correct()) {
			return false;
		}
		var correctDays = answers.stream().filter(Answer::correct).map(a -> day(a.at())).distinct().count();
		if (correctDays < thresholds.days()) {
			return false;
		}
		if (answers.size() < 2) {
			return thresholds.days() <= 1 && thresholds.intervalDays() == 0;
		}
		var before = answers.get(answers.size() - 2);
		return day(last.at()) - day(before.at()) >= thresholds.intervalDays();
	}

	/**
	 * The skill's standing at {@code now}: mastered when the rule holds; else lapsed when it had been mastered
	 * ({@code wasMastered}, the stored status), learning when reviewed, not started without items.
	 */
	Standing judge(List<Item> items, boolean wasMastered, Instant now) {
		if (items.isEmpty()) {
			return new Standing(MasteryStatus.NOT_STARTED, 0, 0, 0, null, null, null);
		}
		Item weakest = null;
		var weakestRecall = Double.MAX_VALUE;
		Instant lastReviewed = null;
		var allHold = true;
		for (var item : items) {
			var recall = recall(item, now);
			if (recall < weakestRecall) {
				weakestRecall = recall;
				weakest = item;
			}
			if (lastReviewed == null || item.lastReview().isAfter(lastReviewed)) {
				lastReviewed = item.lastReview();
			}
			allHold &= holds(item.answers());
		}
		Objects.requireNonNull(weakest);
		if (allHold && weakestRecall >= thresholds.recall()) {
			return new Standing(MasteryStatus.MASTERED, weakestRecall, weakest.stability(), items.size(), lastReviewed,
					lapsesAt(items), weakest);
		}
		var status = wasMastered ? MasteryStatus.LAPSED : MasteryStatus.LEARNING;
		return new Standing(status, weakestRecall, weakest.stability(), items.size(), lastReviewed, null, weakest);
	}

	/** When the first item's recall falls below the threshold. */
	private @Nullable Instant lapsesAt(List<Item> items) {
		Instant first = null;
		for (var item : items) {
			var days = curve.daysUntil(thresholds.recall(), item.stability());
			var at = item.lastReview().plusMillis((long) Math.min(days * 86_400_000.0, 1e15));
			if (first == null || at.isBefore(first)) {
				first = at;
			}
		}
		return first;
	}

	private static long day(Instant at) {
		return at.atOffset(ZoneOffset.UTC).toLocalDate().toEpochDay();
	}
}
