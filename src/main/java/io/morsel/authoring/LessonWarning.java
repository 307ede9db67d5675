package io.morsel.authoring;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What the objective linter warns an author about. The API names a warning by its {@link #code()}; the studio shows
 * the message of its {@link #messageKey()}.
 */
public enum LessonWarning {

	/** The objective does not start with a verb whose result can be observed (understand, know, learn about…). */
	VAGUE_VERB("vague-verb"),
	/** The objective holds more than one action ("list … and explain …"): two lessons in one. */
	DOUBLE_OBJECTIVE("double-objective"),
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
