package io.morsel.web;

import io.morsel.identity.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The navigation entries of identity's pages. Identity sits below the shell (web may use identity, not the other way),
 * so it cannot declare a {@link NavigationEntry}; the shell declares them for it, as it knows identity's member.
 * Every other module declares its own.
 */
@Configuration(proxyBeanMethods = false)
class ShellNavigation {

	@Bean
	NavigationEntry adminLink() {
		return NavigationEntry.forRoles("nav.admin", "/admin", 50, Role.ADMIN);
	}

	/** The directory: admins and managers see theirs; everyone else only once the organisation opened its names. */
	@Bean
	NavigationEntry peopleLink() {
		return NavigationEntry.forRolesOrOpenDirectory("nav.people", "/people", 60, Role.ADMIN, Role.MANAGER);
	}

	@Bean
	NavigationEntry profileLink() {
		return NavigationEntry.forEveryone("nav.profile", "/profile", 70);
	}

	@Bean
	NavigationEntry tokensLink() {
		return NavigationEntry.forDevelopers("nav.tokens", "/tokens", 80);
	}
}
