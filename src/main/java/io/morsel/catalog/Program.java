package io.morsel.catalog;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An ordered set of lessons with a stated, measurable business outcome ("New customers create their first report
 * within a week of sign-up").
 *
 * @param selfEnrol whether learners may join by themselves; otherwise a manager assigns it
 * @param status published (the catalog offers it), unpublished or archived
 * @param revision counts the program's saves: a save made from an older revision is refused
 */
public record Program(ProgramId id, @Schema(pattern = ProgramSlug.PATTERN) String slug, String title, String outcome,
		@Nullable String description, boolean selfEnrol, List<LessonId> lessons, ContentStatus status, int revision) {

	public Program {
		lessons = List.copyOf(lessons);
	}

	/** A published program at its first revision. */
	public Program(ProgramId id, String slug, String title, String outcome, @Nullable String description,
			boolean selfEnrol, List<LessonId> lessons) {
		this(id, slug, title, outcome, description, selfEnrol, lessons, ContentStatus.PUBLISHED, 1);
	}

	/** The entity tag of this revision, for HTTP's conditional requests ({@code ETag}, {@code If-Match}). */
	public String etag() {
		return "\"" + revision + "\"";
	}

	/** Whether learners who are not enrolled may see it: published, neither unpublished nor archived. */
	public boolean offered() {
		return status == ContentStatus.PUBLISHED;
	}
}
