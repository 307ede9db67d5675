package io.morsel.learning;

import io.morsel.catalog.LessonId;
import io.morsel.catalog.SkillId;
import io.morsel.identity.OrganisationId;
import io.morsel.identity.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A learner answered an interaction.
 *
 * @param correct {@code null} for an exercise, which has no right answer
 * @param credit 0 to 1, partial where the interaction allows it
 * @param responseTime how long the learner took, when the client measured it
 */
public record AnswerRecorded(OrganisationId organisationId, UserId learner, LessonId lessonId, int version,
		String interactionId, List<SkillId> skills, boolean assessesObjective, @Nullable Boolean correct,
		double credit, @Nullable Duration responseTime, Instant answeredAt) {
}
