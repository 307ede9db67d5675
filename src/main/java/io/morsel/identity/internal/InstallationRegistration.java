package io.morsel.identity.internal;

import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * Chooses at each start which of a fresh or demo installation's beans a node has: the demo organisations where
 * {@code morsel.demo.seed} is true, the guard against demo accounts where {@code morsel.demo.allowed} is false (the prod
 * profile), the first organisation's bootstrap where {@code morsel.bootstrap.admin-email} is set. A registrar rather
 * than conditions, because Spring's ahead-of-time processing settles conditions once, when the jar is built, for every
 * node it will run as; a registrar still runs at every start (ADR 0022).
 */
@Configuration(proxyBeanMethods = false)
@Import(InstallationRegistration.Registrar.class)
class InstallationRegistration {

	static class Registrar implements BeanRegistrar {

		@Override
		public void register(BeanRegistry beans, Environment environment) {
			if (environment.getProperty("morsel.demo.seed", Boolean.class, false)) {
				beans.registerBean("demoOrganisations", DemoOrganisations.class);
			}
			if (Boolean.FALSE.equals(environment.getProperty("morsel.demo.allowed", Boolean.class))) {
				beans.registerBean("demoAccountsGuard", DemoAccountsGuard.class);
			}
			var adminEmail = environment.getProperty("morsel.bootstrap.admin-email");
			if (adminEmail != null && !adminEmail.equalsIgnoreCase("false")) {
				beans.registerBean("organisationBootstrap", OrganisationBootstrap.class);
			}
		}
	}
}
