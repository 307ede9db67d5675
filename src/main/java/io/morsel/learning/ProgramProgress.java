package io.morsel.learning;

import io.morsel.catalog.LessonId;
import io.morsel.catalog.Program;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A learner's way through one program: each published lesson with its status, and what to do next.
 *
 * @param enrolment {@code null} when the learner has not joined (a program open to them)
 */
public record ProgramProgress(Program program, @Nullable Enrolment enrolment, List<LessonStatus> lessons) {

	public ProgramProgress {
		lessons = List.copyOf(lessons);
	}

	/** Where the learner stands with one lesson. */
	public enum Status {
		NOT_STARTED, IN_PROGRESS, COMPLETED
	}

	/**
	 * One lesson of the program, as the learner sees it in the list.
	 *
	 * @param version the version learners starting it get
	 * @param coverVersion when that version's cover was uploaded (epoch milliseconds), 0 when it shows its pattern:
	 *     with the version, what the cover's address is made of (catalog.Covers)
	 * @param why that version's line on why to take it; null when its author wrote none
	 */
	public record LessonStatus(LessonId id, String title, String objective, int estimatedMinutes, Status status,
			int version, long coverVersion, @Nullable String why) {
	}

	public long completed() {
		return lessons.stream().filter(l -> l.status() == Status.COMPLETED).count();
	}

	public int total() {
		return lessons.size();
	}

	/** The estimated minutes of all its lessons, done or not: what the whole program asks of a learner. */
	public int minutes() {
		return lessons.stream().mapToInt(LessonStatus::estimatedMinutes).sum();
	}

	/** The lesson in progress, else the first not started; none when everything is done. */
	public @Nullable LessonStatus next() {
		return lessons.stream()
			.filter(l -> l.status() == Status.IN_PROGRESS)
			.findFirst()
			.or(() -> lessons.stream().filter(l -> l.status() == Status.NOT_STARTED).findFirst())
			.orElse(null);
	}

	/**
	 * The lesson to take after this one: the first not done after it in the program's order, else the first not done
	 * before it; none when every other lesson is done (the program's end).
	 */
	public @Nullable LessonStatus nextAfter(LessonId lesson) {
		var at = -1;
		for (int i = 0; i < lessons.size(); i++) {
			if (lessons.get(i).id().equals(lesson)) {
				at = i;
			}
		}
		for (int i = 1; i <= lessons.size(); i++) {
			var candidate = lessons.get(Math.floorMod(at + i, lessons.size()));
			if (candidate.status() != Status.COMPLETED && !candidate.id().equals(lesson)) {
				return candidate;
			}
		}
		return null;
	}

	public boolean contains(LessonId lesson) {
		return lessons.stream().anyMatch(l -> l.id().equals(lesson));
	}

	public int percent() {
		return total() == 0 ? 0 : (int) Math.round(100.0 * completed() / total());
	}
}
