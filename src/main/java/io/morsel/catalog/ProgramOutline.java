package io.morsel.catalog;

import java.util.List;
import java.util.Map;

/**
 * A program with those of its lessons that learners can take, in the program's order: what a learner's list of
 * programs shows, read in one query ({@link Programs#outlines}).
 *
 * @param coverVersions when the cover of each lesson's published version was uploaded (epoch milliseconds), for those
 *     with an uploaded one; the others show their pattern ({@link Covers#path(io.morsel.identity.OrganisationId,
 *     LessonId, int, long)})
 */
public record ProgramOutline(Program program, List<LessonSummary> published, Map<LessonId, Long> coverVersions) {

	public ProgramOutline {
		published = List.copyOf(published);
		coverVersions = Map.copyOf(coverVersions);
	}

	/** When the cover of the lesson's published version was uploaded; 0 when it shows its pattern. */
	public long coverVersion(LessonId lesson) {
		return coverVersions.getOrDefault(lesson, 0L);
	}
}
