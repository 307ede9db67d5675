package io.morsel.reinforcement.web;

import io.morsel.identity.AccessRules;
import io.morsel.identity.Role;
import org.springframework.stereotype.Component;

/** The daily review is the learners'; the organisation's desired retention the administrators'. */
@Component
class ReviewAccess implements AccessRules {

	@Override
	public void pages(Rules rules) {
		rules.requireRole(Role.LEARNER, "/review", "/review/**");
	}

	@Override
	public void api(Rules rules) {
		rules.requireRole(Role.LEARNER, "/api/v1/reinforcement/review", "/api/v1/reinforcement/reviews",
				"/api/v1/reinforcement/reviews/**")
			.requireRole(Role.ADMIN, "/api/v1/reinforcement/settings");
	}
}
