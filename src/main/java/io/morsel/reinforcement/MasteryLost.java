package io.morsel.reinforcement;

import io.morsel.catalog.SkillId;
import io.morsel.identity.OrganisationId;
import io.morsel.identity.UserId;
import java.time.Instant;

/**
 * A learner no longer masters a skill they had mastered: its predicted recall fell below the threshold (found by the
 * nightly scan), or a review of one of its items was wrong. {@code recall} is the skill's predicted recall then.
 */
public record MasteryLost(OrganisationId organisationId, UserId learner, SkillId skillId, Instant at, double recall) {
}
