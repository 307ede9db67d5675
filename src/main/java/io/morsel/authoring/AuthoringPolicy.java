package io.morsel.authoring;

import io.morsel.shared.InvalidValueException;

/**
 * An organisation's publishing rules for its authors. A lesson whose objective nothing assesses is never published,
 * nor one estimated over {@code maxLessonMinutes} (10 unless set); with {@code objectivesBlockPublishing} a vague or
 * double objective is refused at publishing too, instead of only warned about.
 */
public record AuthoringPolicy(boolean objectivesBlockPublishing, int maxLessonMinutes) {

	public static final int DEFAULT_MAX_LESSON_MINUTES = 10;

	public static final AuthoringPolicy DEFAULT = new AuthoringPolicy(false, DEFAULT_MAX_LESSON_MINUTES);

	public AuthoringPolicy {
		if (maxLessonMinutes < LessonEstimate.WARN_ABOVE_MINUTES || maxLessonMinutes > 60) {
			throw new InvalidValueException("The longest a lesson may run is from " + LessonEstimate.WARN_ABOVE_MINUTES
					+ " to 60 minutes");
		}
	}
}
