package io.morsel.search.web;

import io.morsel.identity.Role;
import io.morsel.web.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Search in the layout's navigation, for learners: it finds what they may open. */
@Configuration(proxyBeanMethods = false)
class SearchNavigation {

	@Bean
	NavigationEntry searchLink() {
		return NavigationEntry.forRoles("nav.search", "/search", 15, Role.LEARNER);
	}
}
