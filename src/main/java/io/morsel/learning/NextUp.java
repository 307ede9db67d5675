package io.morsel.learning;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One thing a learner could do next, and the rule that picks the single most valuable of them (docs/delivery.md,
 * "One thing at a time"): the daily review when it is due, then an assigned lesson nearing its due date, then a
 * triggered lesson, then the next lesson of a series. Among items of one kind the most urgent ({@link #rank}, the
 * earliest) comes first. Today's "Next up" and every delivery apply this same rule to the same candidates
 * ({@link NextUps}), so a learner is never shown a backlog, only the next thing.
 *
 * @param title the lesson's title; empty for the daily review
 * @param path where to go, such as {@code /lessons/<id>} or {@code /review}
 * @param minutes about how long it takes
 * @param rank the earlier the more urgent within its kind (a due date, when a trigger made it available); {@code null}
 *     after every instant
 * @param reference the id of what the item came from, where its source needs it back (a triggered delivery)
 * @param items how many questions the item holds where that is what it is measured by (the daily review); 0 otherwise
 */
public record NextUp(Kind kind, String title, String path, long minutes, @Nullable Instant rank,
		@Nullable UUID reference, int items) {

	/** An item measured only by its minutes: a lesson. */
	public NextUp(Kind kind, String title, String path, long minutes, @Nullable Instant rank,
			@Nullable UUID reference) {
		this(kind, title, path, minutes, rank, reference, 0);
	}

	/** An assigned lesson whose program is due within this long counts as nearing its due date. */
	public static final Duration DUE_SOON = Duration.ofDays(7);

	private static final Comparator<NextUp> MOST_VALUABLE_FIRST = Comparator.comparing(NextUp::kind)
		.thenComparing(NextUp::rank, Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing(NextUp::title)
		.thenComparing(NextUp::path);

	/** The kinds of items, most valuable first. */
	public enum Kind {
		/** The daily review, when something is due. */
		REVIEW,
		/** The next lesson of an assigned program due within {@link #DUE_SOON} (or overdue). */
		ASSIGNMENT_DUE_SOON,
		/** A lesson a just-in-time trigger made available. */
		TRIGGERED,
		/** The next lesson of a series: a program the learner is in, with no due date near. */
		SERIES
	}

	/** The single most valuable of these items; empty when there is none. */
	public static Optional<NextUp> mostValuable(Collection<NextUp> candidates) {
		return candidates.stream().min(MOST_VALUABLE_FIRST);
	}

	/**
	 * The kind of the next lesson of a program the learner is in: an assigned program due within {@link #DUE_SOON} of
	 * now (or already overdue) makes it {@link Kind#ASSIGNMENT_DUE_SOON}, anything else {@link Kind#SERIES}.
	 */
	public static Kind programKind(Enrolment enrolment, Instant now) {
		var due = enrolment.dueAt();
		if (enrolment.assigned() && due != null && !due.isAfter(now.plus(DUE_SOON))) {
			return Kind.ASSIGNMENT_DUE_SOON;
		}
		return Kind.SERIES;
	}
}
