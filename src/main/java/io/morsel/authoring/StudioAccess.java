package io.morsel.authoring;

import io.morsel.identity.AccessRules;
import io.morsel.identity.Role;
import org.springframework.stereotype.Component;

/** The studio is the authors' home; the organisation's publishing rules are its admins'. */
@Component
class StudioAccess implements AccessRules {

	@Override
	public void pages(Rules rules) {
		rules.requireRole(Role.AUTHOR, "/studio", "/studio/**").requireRole(Role.ADMIN, "/admin/authoring");
	}

	@Override
	public void api(Rules rules) {
		rules.requireRole(Role.ADMIN, "/api/v1/authoring/settings");
	}
}
