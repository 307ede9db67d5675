package io.morsel.catalog;

import io.morsel.identity.OrganisationId;
import java.time.Instant;
import java.util.List;

/** A new version of a lesson is what learners now get. */
public record LessonPublished(OrganisationId organisationId, LessonId lessonId, int version, String title,
		List<SkillId> skills, Instant publishedAt) {
}
