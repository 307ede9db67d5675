package io.morsel.search.web;

import io.morsel.identity.AccessRules;
import io.morsel.identity.Role;
import org.springframework.stereotype.Component;

/** Every member may search (the default rule: signed in); only administrators rebuild the index and set synonyms. */
@Component
class SearchAccess implements AccessRules {

	@Override
	public void api(Rules rules) {
		rules.requireRole(Role.ADMIN, "/api/v1/search/rebuild", "/api/v1/search/synonyms");
	}
}
