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
	/** The lesson is declared outside the 2–7 minutes of a micro-lesson, or estimated over 7 from what it holds. */
	DURATION("duration"),
	/** No question assesses the objective, so mastery cannot be measured. */
	NO_ASSESSMENT("no-assessment"),
	/** The lesson is estimated over the longest the organisation publishes (10 minutes unless set). */
	OVER_LIMIT("over-limit");

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
