package io.morsel.credentials;

import io.morsel.identity.OrganisationId;
import io.morsel.identity.UserId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An achievement awarded to a learner, with its signed credential as issued. {@code reason} is set when an admin
 * awarded it by hand ({@code byHand}). {@code status} is what its status list entries publish; once it is revoked or
 * suspended, {@code statusReason} says why and {@code statusSince} since when, and {@code lapsed} tells a suspension
 * of the currency rule (the mastery it rests on lapsed; it returns with mastery) from an admin's. While the mastery
 * behind an active award has lapsed and its grace period runs, {@code lapseDueAt} is when it will be suspended.
 */
public record Award(UUID id, OrganisationId organisationId, UserId holder, AchievementId achievementId,
		String achievementName, Instant issuedAt, @Nullable String reason, boolean byHand, AwardStatus status,
		@Nullable String statusReason, @Nullable Instant statusSince, boolean lapsed, String credential,
		@Nullable Instant lapseDueAt) {
}
