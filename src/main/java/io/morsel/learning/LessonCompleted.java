package io.morsel.learning;

import io.morsel.catalog.LessonId;
import io.morsel.catalog.SkillId;
import io.morsel.identity.OrganisationId;
import io.morsel.identity.UserId;
import java.time.Instant;
import java.util.List;

/**
 * A learner answered every interaction of a lesson (or finished one without interactions).
 *
 * @param score mean credit of the interactions that assess the objective; 1 when none does
 */
public record LessonCompleted(OrganisationId organisationId, UserId learner, LessonId lessonId, int version,
		List<SkillId> skills, double score, Instant completedAt) {
}
