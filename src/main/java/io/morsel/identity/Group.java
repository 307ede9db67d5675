package io.morsel.identity;

import java.util.List;

/** A named group of an organisation's members, such as a team or a partner tier. */
public record Group(GroupId id, String name, List<MemberId> members) {

	public Group {
		members = List.copyOf(members);
	}
}
