package io.morsel.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.morsel.shared.InvalidValueException;
import java.util.regex.Pattern;

/**
 * The one measurable objective of a lesson: a single sentence, such as "Create a weekly report from a saved view".
 * It cannot be built blank, over 300 characters, or as two sentences.
 */
public record Objective(@JsonValue String text) {

	public static final int MAX_LENGTH = 300;

	/** A sentence end followed by the start of another sentence. */
	private static final Pattern SECOND_SENTENCE = Pattern.compile("[.!?]\\s+\\p{Lu}");

	@JsonCreator
	public Objective {
		if (text == null || text.isBlank()) {
			throw new InvalidValueException("catalog.refused.lesson-needs-objective-sentence");
		}
		text = text.strip();
		if (text.length() > MAX_LENGTH) {
			throw new InvalidValueException("catalog.refused.objective-must-most-characters", MAX_LENGTH);
		}
		if (SECOND_SENTENCE.matcher(text).find() || text.contains("\n")) {
			throw new InvalidValueException("catalog.refused.objective-must-sentence-lesson-has-objective");
		}
	}
}
