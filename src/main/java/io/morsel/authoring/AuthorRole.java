package io.morsel.authoring;

import io.morsel.identity.CurrentMember;
import io.morsel.identity.Role;
import org.springframework.security.access.AccessDeniedException;

/**
 * The one role check of every author use case, whichever door it came through: the studio's pages (which the
 * security rules also keep to authors) or the REST API. A refusal is answered 403 by both.
 */
final class AuthorRole {

	private AuthorRole() {
	}

	/** The member, when they author in their organisation. */
	static CurrentMember required(CurrentMember member) {
		if (!member.has(Role.AUTHOR)) {
			throw new AccessDeniedException("Only authors write lessons and programs");
		}
		return member;
	}
}
