package io.morsel.credentials.web;

import io.morsel.identity.Role;
import io.morsel.web.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The authors' achievements in the layout's navigation, beside the studio. */
@Configuration(proxyBeanMethods = false)
class CredentialsNavigation {

	@Bean
	NavigationEntry achievementsLink() {
		return NavigationEntry.forRoles("nav.achievements", "/studio/achievements", 32, Role.AUTHOR);
	}
}
