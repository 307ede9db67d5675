package io.morsel.learning;

import io.morsel.identity.CurrentMember;
import io.morsel.identity.OrganisationId;
import io.morsel.identity.UserId;
import java.util.Objects;

/**
 * The learner a use case of this module acts for: one person in one organisation, by id. A page or the API makes one
 * from the signed-in member ({@link #of(CurrentMember)}); a scheduled job or another module's event listener from the
 * ids it holds, without making a member up.
 */
public record Learner(OrganisationId organisationId, UserId userId) {

	public Learner {
		Objects.requireNonNull(organisationId, "organisationId");
		Objects.requireNonNull(userId, "userId");
	}

	public static Learner of(CurrentMember member) {
		return new Learner(member.organisationId(), member.userId());
	}
}
