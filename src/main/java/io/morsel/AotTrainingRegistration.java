package io.morsel;

import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * Registers {@link AotTraining} where {@code morsel.aot.training} is true (the build's training run), decided at each
 * start: Spring's ahead-of-time processing would settle a condition once, when the jar is built (ADR 0022).
 */
@Configuration(proxyBeanMethods = false)
@Import(AotTrainingRegistration.Registrar.class)
class AotTrainingRegistration {

	static class Registrar implements BeanRegistrar {

		@Override
		public void register(BeanRegistry beans, Environment environment) {
			if (environment.getProperty("morsel.aot.training", Boolean.class, false)) {
				beans.registerBean("aotTraining", AotTraining.class);
			}
		}
	}
}
