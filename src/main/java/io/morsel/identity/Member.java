package io.morsel.identity;

import java.util.Set;

/** A member of an organisation, as other modules see them. */
public record Member(MemberId id, UserId userId, String name, String email, Set<Role> roles) {

	public Member {
		roles = Set.copyOf(roles);
	}
}
