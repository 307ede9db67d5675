package io.morsel.authoring;

import io.morsel.catalog.LessonId;
import java.util.List;

/**
 * The overwhelm guard's warning: a program of more lessons than its organisation allows without modules
 * ({@link AuthoringPolicy#programLessonsBeforeModules()}), and where its lessons could be grouped into modules.
 *
 * @param lessons how many lessons the program has
 * @param limit how many it may have without modules
 * @param suggestion the modules the studio suggests, in order, covering every lesson
 */
public record OverwhelmWarning(int lessons, int limit, List<SuggestedModule> suggestion) {

	public OverwhelmWarning {
		suggestion = List.copyOf(suggestion);
	}

	/**
	 * A module the studio suggests: it would start at {@code firstLesson} (at {@code position}, counted from 1) and
	 * hold {@code lessons} lessons; its title is the author's to choose, the first lesson's is offered.
	 */
	public record SuggestedModule(LessonId firstLesson, int position, int lessons, String firstTitle) {
	}
}
