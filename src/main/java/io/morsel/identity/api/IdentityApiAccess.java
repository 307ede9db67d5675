package io.morsel.identity.api;

import io.morsel.identity.AccessRules;
import io.morsel.identity.Role;
import org.springframework.stereotype.Component;

/** Inviting, taking a member's access away, every token, groups and partners of the organisation: the admins' work. */
@Component
class IdentityApiAccess implements AccessRules {

	@Override
	public void api(Rules rules) {
		rules.requireRole(Role.ADMIN, "/api/v1/people/*/deactivation", "/api/v1/people/*/membership",
				"/api/v1/people/*/erasure",
				"/api/v1/organisation/tokens", "/api/v1/organisation/tokens/**", "/api/v1/organisation/token-policy",
				"/api/v1/organisation/directory", "/api/v1/organisation/brand", "/api/v1/organisation/brand/**",
				"/api/v1/invitations", "/api/v1/invitations/**", "/api/v1/groups", "/api/v1/groups/**",
				"/api/v1/organisation/partners");
	}
}
