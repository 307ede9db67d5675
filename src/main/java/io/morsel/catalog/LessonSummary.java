package io.morsel.catalog;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A lesson in a list: its latest version's title, objective and duration, and which versions exist.
 *
 * @param draftVersion the version being edited, if any
 * @param publishedVersion the version learners get (or got, once unpublished or archived), if any
 * @param status where the lesson is in its life
 * @param why the shown version's line on why to take it, for learners; null when its author wrote none
 */
public record LessonSummary(LessonId id, String title, String objective, int estimatedMinutes,
		@Nullable Integer draftVersion, @Nullable Integer publishedVersion, Instant updatedAt, ContentStatus status,
		@Nullable String why) {
}
