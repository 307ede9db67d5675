package io.morsel.catalog;

import io.morsel.shared.InvalidRequestException;
import io.morsel.shared.PlainText;

/**
 * A titled group of a program's lessons: it begins at {@code firstLesson} and runs to the next module's first lesson
 * (or the program's end), so it follows its first lesson when the lessons are reordered.
 */
public record ProgramModule(LessonId firstLesson, String title) {

	public static final int MAX_TITLE = 120;

	public ProgramModule {
		title = title == null ? "" : title.strip();
		if (title.isEmpty() || title.length() > MAX_TITLE || !PlainText.Validator.isPlain(title)) {
			throw new InvalidRequestException("catalog.refused.module-needs-title-most-characters-plain", MAX_TITLE);
		}
	}
}
