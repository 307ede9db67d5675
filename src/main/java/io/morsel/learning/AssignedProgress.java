package io.morsel.learning;

import io.morsel.catalog.LessonId;
import io.morsel.catalog.ProgramId;
import io.morsel.learning.ProgramProgress.Status;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * Where one person of a manager's team stands in one program they are enrolled in, as the team table shows it.
 *
 * @param overdue whether the due date has passed and the program is not completed
 * @param lastActivityAt when the person last answered or opened a lesson of the program; {@code null} if never
 * @param remindedAt when a manager last reminded the person of this program; {@code null} if never
 * @param lessons the program's published lessons, in order, with the person's result in each
 */
public record AssignedProgress(ProgramId programId, String title, Status status, @Nullable Instant dueAt,
		boolean overdue, int completedLessons, int totalLessons, @Nullable Instant lastActivityAt,
		@Nullable Instant remindedAt, List<LessonResult> lessons) {

	/** Overdue first, then the earliest due date (none last), then by title. */
	public static final Comparator<AssignedProgress> OVERDUE_FIRST = Comparator
		.comparing((AssignedProgress a) -> !a.overdue())
		.thenComparing(AssignedProgress::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing(AssignedProgress::title, String.CASE_INSENSITIVE_ORDER);

	public AssignedProgress {
		lessons = List.copyOf(lessons);
	}

	/**
	 * One lesson of the program and the person's result in it.
	 *
	 * @param score the score of the completed attempt, 0 to 1; {@code null} until completed, and for attempts
	 * completed before scores were kept
	 */
	public record LessonResult(LessonId lessonId, String title, Status status, @Nullable Double score,
			@Nullable Instant completedAt) {
	}

	/** The mean score of the completed lessons that have one. */
	public OptionalDouble averageScore() {
		return lessons.stream().filter(l -> l.score() != null).mapToDouble(LessonResult::score).average();
	}

	public int percent() {
		return totalLessons == 0 ? 0 : (int) Math.round(100.0 * completedLessons / totalLessons);
	}
}
