package io.morsel.reinforcement.web;

import io.morsel.identity.AccessRules;
import io.morsel.identity.Role;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * Programs' desired retention is for their authors and the administrators; the organisation's, on the same page, for
 * the administrators alone.
 */
@Component
class RetentionAccess implements AccessRules {

	@Override
	public void pages(Rules rules) {
		rules.requireRole(HttpMethod.POST, Role.ADMIN, "/retention")
			.requireAnyRole(Set.of(Role.AUTHOR, Role.ADMIN), "/retention", "/retention/**");
	}

	@Override
	public void api(Rules rules) {
		rules.requireAnyRole(Set.of(Role.AUTHOR, Role.ADMIN), "/api/v1/reinforcement/programs/**");
	}
}
