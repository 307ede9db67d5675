package io.morsel.delivery;

import io.morsel.identity.OrganisationId;
import io.morsel.identity.UserId;
import java.util.UUID;

/**
 * A nudge went out to a learner: recorded in the send log (and their notification centre) in the transaction that
 * claimed it; the mail, when they chose email, follows from this event through the event publication log.
 */
public record DeliverySent(OrganisationId organisationId, UserId learner, UUID sendId, String kind, boolean email) {
}
