package io.morsel.catalog;

import io.morsel.identity.OrganisationId;
import java.time.Instant;

/**
 * One skill was merged into another and no longer exists: what other modules kept under {@code merged} (learners'
 * mastery, the cards that build it, achievements that require it) now belongs to {@code into}.
 */
public record SkillsMerged(OrganisationId organisationId, SkillId merged, SkillId into, Instant at) {
}
