package io.morsel.authoring;

import io.morsel.identity.Role;
import io.morsel.web.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The authors' studio, and the admins' publishing rules, in the layout's navigation. */
@Configuration(proxyBeanMethods = false)
class StudioNavigation {

	@Bean
	NavigationEntry studioLink() {
		return NavigationEntry.forRoles("nav.studio", "/studio", 30, Role.AUTHOR);
	}

	@Bean
	NavigationEntry publishingRulesLink() {
		return NavigationEntry.forRoles("nav.publishing-rules", "/admin/authoring", 55, Role.ADMIN);
	}
}
