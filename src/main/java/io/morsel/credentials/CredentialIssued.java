package io.morsel.credentials;

import io.morsel.identity.OrganisationId;
import io.morsel.identity.UserId;
import java.time.Instant;
import java.util.UUID;

/** A learner was awarded an achievement, and its signed credential is stored under {@code credentialId}. */
public record CredentialIssued(OrganisationId organisationId, UserId holder, UUID credentialId,
		AchievementId achievementId, Instant issuedAt, boolean byHand) {
}
