package io.morsel.learning;

import io.morsel.catalog.LessonId;

/**
 * A lesson the learner completed on an earlier version, since republished with a significant change: Today offers
 * the new version, taken as a retake.
 *
 * @param completedVersion the latest version the learner took
 * @param version the significant version learners now get
 */
public record LessonUpdate(LessonId lessonId, String title, int completedVersion, int version) {
}
