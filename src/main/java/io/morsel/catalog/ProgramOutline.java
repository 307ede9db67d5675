package io.morsel.catalog;

import java.util.List;

/**
 * A program with those of its lessons that learners can take, in the program's order: what a learner's list of
 * programs shows, read in one query ({@link Programs#outlines}).
 */
public record ProgramOutline(Program program, List<LessonSummary> published) {

	public ProgramOutline {
		published = List.copyOf(published);
	}
}
