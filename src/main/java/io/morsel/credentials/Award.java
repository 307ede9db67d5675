package io.morsel.credentials;

import io.morsel.identity.OrganisationId;
import io.morsel.identity.UserId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An achievement awarded to a learner, with its signed credential as issued. {@code reason} is set when an admin
 * awarded it by hand.
 */
public record Award(UUID id, OrganisationId organisationId, UserId holder, AchievementId achievementId,
		String achievementName, Instant issuedAt, @Nullable String reason, String credential) {
}
