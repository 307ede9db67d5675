package io.morsel.reinforcement;

import io.morsel.catalog.SkillId;
import io.morsel.identity.OrganisationId;
import io.morsel.identity.UserId;
import java.time.Instant;

/** A learner now masters a skill (docs/reinforcement.md, "Mastery"), with the skill's predicted recall then. */
public record SkillMastered(OrganisationId organisationId, UserId learner, SkillId skillId, Instant at, double recall) {
}
