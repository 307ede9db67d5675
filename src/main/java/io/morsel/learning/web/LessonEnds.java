package io.morsel.learning.web;

import io.morsel.learning.Attempt;
import io.morsel.learning.Learner;
import io.morsel.learning.Progress;
import org.springframework.stereotype.Component;

/** Makes the card at a lesson's end; the program and its lessons' statuses are read only for a complete lesson. */
@Component
class LessonEnds {

	private final Progress progress;

	LessonEnds(Progress progress) {
		this.progress = progress;
	}

	LessonEnd of(Learner learner, Attempt attempt) {
		var lesson = attempt.lesson();
		var program = progress.containing(learner, lesson.lessonId());
		var next = program.map(p -> p.nextAfter(lesson.lessonId())).orElse(null);
		var taken = attempt.timeTaken();
		return new LessonEnd(lesson.lessonId().value(), lesson.content().objective().text(), attempt.outcome(),
				Math.round(attempt.score() * 100), taken == null ? 0 : taken.toMinutes(),
				next == null ? null : next.id().value(), next == null ? null : next.title(),
				program.isPresent() && next == null && program.get().enrolment() != null);
	}

	/**
	 * The card at the end of an author's preview (ADR 0038): the learner's, without the way on, since a draft belongs to
	 * no learner's program yet.
	 */
	static LessonEnd preview(Attempt attempt) {
		var taken = attempt.timeTaken();
		return new LessonEnd(attempt.lesson().lessonId().value(), attempt.lesson().content().objective().text(),
				attempt.outcome(), Math.round(attempt.score() * 100), taken == null ? 0 : taken.toMinutes(), null, null,
				false);
	}
}
