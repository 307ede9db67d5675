package io.morsel.catalog;

import io.morsel.identity.OrganisationId;
import io.morsel.identity.UserId;
import java.util.Set;

/**
 * The skills a member follows as topics, kept by a module above the catalog (delivery): the catalog's page narrows to
 * them under "My topics" without reading that module's tables. Without such a bean the page offers no "My topics".
 */
public interface FollowedSkills {

	/** The organisation's skills the member follows; empty when they follow none. */
	Set<SkillId> of(OrganisationId organisation, UserId member);
}
