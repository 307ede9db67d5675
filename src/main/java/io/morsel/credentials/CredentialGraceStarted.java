package io.morsel.credentials;

import io.morsel.identity.OrganisationId;
import io.morsel.identity.UserId;
import java.time.Instant;
import java.util.UUID;

/**
 * The mastery behind a learner's credential lapsed: unless it returns, the credential is suspended at
 * {@code suspendAt}; {@code reason} names what lapsed.
 */
public record CredentialGraceStarted(OrganisationId organisationId, UserId holder, UUID awardId,
		String achievementName, String reason, Instant suspendAt) {
}
