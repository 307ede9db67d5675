package io.morsel.authoring;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What the objective linter warns an author about. The API names a warning by its {@link #code()}; the studio shows
 * the message of its {@link #messageKey()}.
 */
public enum LessonWarning {

	/** The objective starts with a verb nobody can observe (understand, know, learn…). */
	VAGUE_VERB("vague-verb"),
	/** The lesson is estimated outside the 2–7 minutes of a micro-lesson. */
	DURATION("duration"),
	/** No question assesses the objective, so mastery cannot be measured. */
	NO_ASSESSMENT("no-assessment");

	private final String code;

	LessonWarning(String code) {
		this.code = code;
	}

	@JsonValue
	public String code() {
		return code;
	}

	public String messageKey() {
		return "studio.lint." + code;
	}
}
