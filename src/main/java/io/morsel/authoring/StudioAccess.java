package io.morsel.authoring;

import io.morsel.identity.AccessRules;
import io.morsel.identity.Role;
import org.springframework.stereotype.Component;

/** The studio is the authors' home. */
@Component
class StudioAccess implements AccessRules {

	@Override
	public void pages(Rules rules) {
		rules.requireRole(Role.AUTHOR, "/studio", "/studio/**");
	}
}
