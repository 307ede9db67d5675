package io.morsel.catalog;

import io.morsel.identity.OrganisationId;
import java.time.Instant;

/** Learners who have not started the lesson no longer get it: it was unpublished or archived. */
public record LessonWithdrawn(OrganisationId organisationId, LessonId lessonId, ContentStatus status, Instant at) {
}
