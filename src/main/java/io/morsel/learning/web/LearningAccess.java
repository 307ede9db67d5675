package io.morsel.learning.web;

import io.morsel.identity.AccessRules;
import io.morsel.identity.Role;
import org.springframework.stereotype.Component;

/** "Today" is the learners' home, the team page the managers'. */
@Component
class LearningAccess implements AccessRules {

	@Override
	public void pages(Rules rules) {
		rules.requireRole(Role.LEARNER, "/today", "/today/**")
			.requireRole(Role.MANAGER, "/team", "/team/**");
	}
}
