package io.morsel.authoring;

import io.morsel.shared.InvalidValueException;

/**
 * An organisation's publishing rules for its authors. A lesson whose objective nothing assesses is never published,
 * nor one estimated over {@code maxLessonMinutes} (10 unless set); with {@code objectivesBlockPublishing} a vague or
 * double objective is refused at publishing too, instead of only warned about. A program of more than
 * {@code programLessonsBeforeModules} lessons (12 unless set) without modules is warned about (the overwhelm guard).
 */
public record AuthoringPolicy(boolean objectivesBlockPublishing, int maxLessonMinutes, int programLessonsBeforeModules) {

	public static final int DEFAULT_MAX_LESSON_MINUTES = 10;

	public static final int DEFAULT_PROGRAM_LESSONS_BEFORE_MODULES = 12;

	/** Fewer lessons than this make no modules worth having: a module holds three to seven. */
	public static final int FEWEST_PROGRAM_LESSONS_BEFORE_MODULES = 6;

	public static final AuthoringPolicy DEFAULT = new AuthoringPolicy(false, DEFAULT_MAX_LESSON_MINUTES,
			DEFAULT_PROGRAM_LESSONS_BEFORE_MODULES);

	public AuthoringPolicy {
		if (maxLessonMinutes < LessonEstimate.WARN_ABOVE_MINUTES || maxLessonMinutes > 60) {
			throw new InvalidValueException("authoring.refused.longest-lesson-may-run-60-minutes",
					LessonEstimate.WARN_ABOVE_MINUTES);
		}
		if (programLessonsBeforeModules < FEWEST_PROGRAM_LESSONS_BEFORE_MODULES || programLessonsBeforeModules > 100) {
			throw new InvalidValueException("authoring.refused.program-may-have-100-lessons-before",
					FEWEST_PROGRAM_LESSONS_BEFORE_MODULES);
		}
	}
}
