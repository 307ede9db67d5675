package io.morsel.catalog;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An ordered set of lessons with a stated, measurable business outcome ("New customers create their first report
 * within a week of sign-up").
 *
 * @param selfEnrol whether learners may join by themselves; otherwise a manager assigns it
 */
public record Program(ProgramId id, @Schema(pattern = ProgramSlug.PATTERN) String slug, String title, String outcome, @Nullable String description,
		boolean selfEnrol, List<LessonId> lessons) {

	public Program {
		lessons = List.copyOf(lessons);
	}
}
