package io.morsel.catalog.web;

import io.morsel.identity.Role;
import io.morsel.web.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The learners' catalog in the layout's navigation, right after Today. */
@Configuration(proxyBeanMethods = false)
class CatalogNavigation {

	@Bean
	NavigationEntry catalogLink() {
		return NavigationEntry.forRoles("nav.catalog", "/catalog", 12, Role.LEARNER);
	}
}
