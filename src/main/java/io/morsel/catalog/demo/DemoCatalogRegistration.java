package io.morsel.catalog.demo;

import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * Registers {@link DemoCatalog} where {@code morsel.demo.seed} is true, decided at each start: Spring's ahead-of-time
 * processing would settle a condition once, when the jar is built (ADR 0022).
 */
@Configuration(proxyBeanMethods = false)
@Import(DemoCatalogRegistration.Registrar.class)
class DemoCatalogRegistration {

	static class Registrar implements BeanRegistrar {

		@Override
		public void register(BeanRegistry beans, Environment environment) {
			if (environment.getProperty("morsel.demo.seed", Boolean.class, false)) {
				beans.registerBean("demoCatalog", DemoCatalog.class);
			}
		}
	}
}
