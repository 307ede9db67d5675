package io.morsel.authoring;

import io.morsel.shared.InvalidValueException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The shapes a new lesson can start from, each a lesson in the lesson format under
 * {@code authoring/templates/<name>.json} whose blocks say what to write where. {@link #BLANK} is one paragraph.
 */
public enum LessonTemplate {

	BLANK("blank"), CONCEPT_CHECK("concept-check"), VIDEO_QUIZ("video-quiz"), SCENARIO_DECISION("scenario-decision"),
	JOB_AID_EXERCISE("job-aid-exercise");

	private final String formName;

	LessonTemplate(String formName) {
		this.formName = formName;
	}

	/** Its name in forms, the API and its resource file. */
	public String formName() {
		return formName;
	}

	public static LessonTemplate of(String name) {
		return Arrays.stream(values())
			.filter(t -> t.formName.equals(name))
			.findFirst()
			.orElseThrow(() -> new InvalidValueException("authoring.refused.lesson-starts-templates",
					Arrays.stream(values()).map(LessonTemplate::formName).collect(Collectors.joining(", "))));
	}
}
