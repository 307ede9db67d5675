package io.morsel.reinforcement.web;

import io.morsel.identity.AccessRules;
import io.morsel.identity.Role;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A learner's skills page is the learners'; the team's (/skills/team) is for managers and admins; a member's skills
 * through the API are for managers and admins, which its controller checks (the same path answers any member their own);
 * the mastery thresholds are the administrators'.
 */
@Component
class SkillsAccess implements AccessRules {

	@Override
	public void pages(Rules rules) {
		rules.requireRole(Role.LEARNER, "/skills")
			.requireAnyRole(Set.of(Role.MANAGER, Role.ADMIN), "/skills/team");
	}

	@Override
	public void api(Rules rules) {
		rules.requireRole(Role.ADMIN, "/api/v1/reinforcement/mastery-thresholds");
	}
}
