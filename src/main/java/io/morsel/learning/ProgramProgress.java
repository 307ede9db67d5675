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

	/** One lesson of the program, as the learner sees it in the list. */
	public record LessonStatus(LessonId id, String title, String objective, int estimatedMinutes, Status status) {
	}

	public long completed() {
		return lessons.stream().filter(l -> l.status() == Status.COMPLETED).count();
	}

	public int total() {
		return lessons.size();
	}

	/** The lesson in progress, else the first not started; none when everything is done. */
	public @Nullable LessonStatus next() {
		return lessons.stream()
			.filter(l -> l.status() == Status.IN_PROGRESS)
			.findFirst()
			.or(() -> lessons.stream().filter(l -> l.status() == Status.NOT_STARTED).findFirst())
			.orElse(null);
	}

	public int percent() {
		return total() == 0 ? 0 : (int) Math.round(100.0 * completed() / total());
	}
}
