package io.morsel.reinforcement.web;

import io.morsel.identity.AccessRules;
import io.morsel.identity.Role;
import org.springframework.stereotype.Component;

/**
 * A learner's skills page is the learners'; the team's (/skills/team) and a member's skills through the API are for
 * managers and admins, which their controllers check (a path takes one role here); the mastery thresholds are the
 * administrators'.
 */
@Component
class SkillsAccess implements AccessRules {

	@Override
	public void pages(Rules rules) {
		rules.requireRole(Role.LEARNER, "/skills");
	}

	@Override
	public void api(Rules rules) {
		rules.requireRole(Role.ADMIN, "/api/v1/reinforcement/mastery-thresholds");
	}
}
