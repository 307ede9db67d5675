package io.morsel.catalog;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An ordered set of lessons with a stated, measurable business outcome ("New customers create their first report
 * within a week of sign-up"), for managers, and a line for learners on why to take it.
 *
 * @param selfEnrol whether learners may join by themselves; otherwise a manager assigns it
 * @param status published (the catalog offers it), unpublished or archived
 * @param revision counts the program's saves: a save made from an older revision is refused
 * @param why what learners read on its card and page ("Answer a customer's first question without looking it up");
 *        null when the author wrote none
 * @param coverVersion the version of the cover its author uploaded; 0 when it has none and shows the pattern drawn in
 *        the organisation's colours
 */
public record Program(ProgramId id, @Schema(pattern = ProgramSlug.PATTERN) String slug, String title, String outcome,
		@Nullable String description, boolean selfEnrol, List<LessonId> lessons, ContentStatus status, int revision,
		@Schema(maxLength = Program.MAX_WHY) @Nullable String why, long coverVersion) {

	/** The most characters of {@link #why}: one line on a card. */
	public static final int MAX_WHY = 160;

	public Program {
		lessons = List.copyOf(lessons);
	}

	/** A published program at its first revision, without a line for learners or a cover. */
	public Program(ProgramId id, String slug, String title, String outcome, @Nullable String description,
			boolean selfEnrol, List<LessonId> lessons) {
		this(id, slug, title, outcome, description, selfEnrol, lessons, ContentStatus.PUBLISHED, 1, null, 0);
	}

	/** The same program with other lessons (those a learner may take, say). */
	public Program withLessons(List<LessonId> shown) {
		return new Program(id, slug, title, outcome, description, selfEnrol, shown, status, revision, why,
				coverVersion);
	}

	/** The entity tag of this revision, for HTTP's conditional requests ({@code ETag}, {@code If-Match}). */
	public String etag() {
		return "\"" + revision + "\"";
	}

	/** Whether learners who are not enrolled may see it: published, neither unpublished nor archived. */
	public boolean offered() {
		return status == ContentStatus.PUBLISHED;
	}

	/** Whether its author uploaded a cover; otherwise it shows a pattern. */
	public boolean hasUploadedCover() {
		return coverVersion != 0;
	}
}
