package io.morsel.authoring;

import io.morsel.identity.CurrentMember;
import io.morsel.identity.Role;
import io.morsel.shared.ProblemException;
import io.morsel.shared.ProblemTypes;
import org.springframework.http.HttpStatus;

/**
 * The one role check of every author use case, whichever door it came through: the studio's pages (which the
 * security rules also keep to authors) or the REST API. Only the author role counts: an admin runs the organisation
 * but writes, imports and cuts lessons only when also given the author role, since drafts hold answer keys and what
 * authors publish reaches every learner. A refusal is 403 {@code /problems/forbidden} through both doors, saying so.
 */
final class AuthorRole {

	private AuthorRole() {
	}

	/** The member, when they author in their organisation. */
	static CurrentMember required(CurrentMember member) {
		if (!member.has(Role.AUTHOR)) {
			throw new Required();
		}
		return member;
	}

	/** The refusal, with what to do about it. */
	static final class Required extends ProblemException {

		Required() {
			super(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "problem.title.forbidden",
					"authoring.refused.author-role-required");
		}
	}
}
