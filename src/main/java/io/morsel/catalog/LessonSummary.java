package io.morsel.catalog;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A lesson in a list: its latest version's title, objective and duration, and which versions exist.
 *
 * @param draftVersion the version being edited, if any
 * @param publishedVersion the version learners get, if any
 */
public record LessonSummary(LessonId id, String title, String objective, int estimatedMinutes,
		@Nullable Integer draftVersion, @Nullable Integer publishedVersion, Instant updatedAt) {
}
