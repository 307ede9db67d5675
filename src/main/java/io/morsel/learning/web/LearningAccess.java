package io.morsel.learning.web;

import io.morsel.identity.AccessRules;
import io.morsel.identity.Role;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * "Today" is the learners' home; the team page, and assigning programs, are the managers' and the administrators',
 * who manage everyone. Only administrators turn the organisation's team leaderboards on or off.
 */
@Component
class LearningAccess implements AccessRules {

	@Override
	public void pages(Rules rules) {
		rules.requireRole(Role.LEARNER, "/today", "/today/**")
			.requireRole(Role.ADMIN, "/team/leaderboards")
			.requireAnyRole(Set.of(Role.MANAGER, Role.ADMIN), "/team", "/team/**");
	}

	@Override
	public void api(Rules rules) {
		rules.requireAnyRole(Set.of(Role.MANAGER, Role.ADMIN), "/api/v1/team/**")
			.requireAnyRole(HttpMethod.POST, Set.of(Role.MANAGER, Role.ADMIN), "/api/v1/programs/*/assignments");
	}
}
