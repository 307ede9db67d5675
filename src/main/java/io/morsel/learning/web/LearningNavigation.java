package io.morsel.learning.web;

import io.morsel.identity.Role;
import io.morsel.web.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The learners' Today, and the team page of managers and administrators, in the layout's navigation. */
@Configuration(proxyBeanMethods = false)
class LearningNavigation {

	@Bean
	NavigationEntry todayLink() {
		return NavigationEntry.forRoles("nav.today", "/today", 10, Role.LEARNER);
	}

	@Bean
	NavigationEntry teamLink() {
		return NavigationEntry.forRoles("nav.team", "/team", 40, Role.MANAGER, Role.ADMIN);
	}
}
