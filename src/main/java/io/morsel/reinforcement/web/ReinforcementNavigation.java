package io.morsel.reinforcement.web;

import io.morsel.identity.Role;
import io.morsel.web.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The learner's skills, and the desired retention of the organisation and its programs, in the layout's navigation. The daily review has no link of its own: it is offered on Today
 * when something is due, and a link to an empty review would only invite a backlog hunt.
 */
@Configuration(proxyBeanMethods = false)
class ReinforcementNavigation {

	@Bean
	NavigationEntry skillsLink() {
		return NavigationEntry.forRoles("nav.skills", "/skills", 20, Role.LEARNER);
	}

	@Bean
	NavigationEntry retentionLink() {
		return NavigationEntry.forRoles("nav.retention", "/retention", 35, Role.AUTHOR, Role.ADMIN);
	}
}
