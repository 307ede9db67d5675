package io.morsel.credentials.web;

import io.morsel.identity.Role;
import io.morsel.web.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The authors' achievements in the layout's navigation, beside the studio; a learner's own beside their skills. */
@Configuration(proxyBeanMethods = false)
class CredentialsNavigation {

	@Bean
	NavigationEntry achievementsLink() {
		return NavigationEntry.forRoles("nav.achievements", "/studio/achievements", 32, Role.AUTHOR);
	}

	@Bean
	NavigationEntry ownAchievementsLink() {
		return NavigationEntry.forRoles("nav.own-achievements", "/achievements", 22, Role.LEARNER);
	}
}
