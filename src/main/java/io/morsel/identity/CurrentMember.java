package io.morsel.identity;

import java.io.Serializable;
import java.security.Principal;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The signed-in person acting in one organisation: the principal of every authenticated request, in the browser
 * (kept in the database-backed session) and through an API token. Every tenant query filters by
 * {@link #organisationId()}.
 *
 * @param organisations every organisation this person belongs to, for the switcher
 * @param developerItems whether the person asked (in their profile) to see developer items such as API tokens
 */
public record CurrentMember(UserId userId, MemberId memberId, String email, String name, OrganisationId organisationId,
		String organisationSlug, String organisationName, Set<Role> roles, ZoneId zone, Locale locale,
		List<Affiliation> organisations, boolean developerItems) implements Principal, Serializable {

	public CurrentMember {
		roles = Set.copyOf(roles);
		organisations = List.copyOf(organisations);
	}

	/** A member who has not asked to see developer items. */
	public CurrentMember(UserId userId, MemberId memberId, String email, String name, OrganisationId organisationId,
			String organisationSlug, String organisationName, Set<Role> roles, ZoneId zone, Locale locale,
			List<Affiliation> organisations) {
		this(userId, memberId, email, name, organisationId, organisationSlug, organisationName, roles, zone, locale,
				organisations, false);
	}

	/**
	 * Whether the navigation shows this member developer items (API tokens): a member with any role beyond learner
	 * works with the platform and sees them; a learner sees them once they ask for them.
	 */
	public boolean seesDeveloperItems() {
		return developerItems || roles.stream().anyMatch(role -> role != Role.LEARNER);
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	/** The account name, used by Spring Security and Spring Session. */
	@Override
	public String getName() {
		return email;
	}

	/** One organisation the person belongs to. */
	public record Affiliation(String slug, String name) implements Serializable {
	}
}
