package io.morsel.reinforcement.web;

import io.morsel.identity.AccessRules;
import io.morsel.identity.Role;
import org.springframework.stereotype.Component;

/** Fitting an organisation's FSRS weights, and simulating a schedule, is an administrator's task. */
@Component
class OptimizerAccess implements AccessRules {

	@Override
	public void pages(Rules rules) {
		rules.requireRole(Role.ADMIN, "/admin/reinforcement", "/admin/reinforcement/**");
	}

	@Override
	public void api(Rules rules) {
		rules.requireRole(Role.ADMIN, "/api/v1/reinforcement/simulate");
	}
}
