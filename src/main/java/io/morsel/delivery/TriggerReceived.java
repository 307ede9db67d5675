package io.morsel.delivery;

import io.morsel.identity.OrganisationId;
import io.morsel.identity.UserId;
import java.time.Instant;
import java.util.UUID;

/** A just-in-time trigger was received for a learner and matched against the rules; {@code planned} deliveries came of it. */
public record TriggerReceived(OrganisationId organisationId, UUID triggerId, String type, UserId learner, Instant at,
		int planned) {
}
