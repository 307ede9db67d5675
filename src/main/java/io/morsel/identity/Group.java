package io.morsel.identity;

import java.util.List;

/**
 * A named group of an organisation's members, such as a team or a partner tier.
 *
 * @param external whether its members are partners: they see only the people of their own external groups and the
 *        programs assigned (or, if the organisation allows it, open) to them; see {@link ProgramReach}
 */
public record Group(GroupId id, String name, List<MemberId> members, boolean external) {

	public Group {
		members = List.copyOf(members);
	}

	/** A group of the organisation's own people. */
	public Group(GroupId id, String name, List<MemberId> members) {
		this(id, name, members, false);
	}
}
