package io.morsel.identity.internal;

import java.util.Properties;
import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.boot.mail.health.MailHealthIndicator;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.util.StringUtils;

/**
 * The SMTP sender {@link Mailer} sends through, and its health indicator, where {@code spring.mail.host} is set when
 * the node starts. Spring Boot's mail auto-configuration decides that by a condition, which Spring's ahead-of-time
 * processing would settle once, when the jar is built without a mail server (ADR 0022); this registrar decides at each
 * start and configures the sender from {@code spring.mail.*} as Boot's {@code MailSenderPropertiesConfiguration}
 * does, which then backs off on the regular context too.
 */
@Configuration(proxyBeanMethods = false)
@Import(MailRegistration.Registrar.class)
class MailRegistration {

	static class Registrar implements BeanRegistrar {

		@Override
		public void register(BeanRegistry beans, Environment environment) {
			var host = environment.getProperty("spring.mail.host");
			if (host == null || host.equalsIgnoreCase("false")) {
				return;
			}
			beans.registerBean("mailSender", JavaMailSenderImpl.class, spec -> spec.supplier(context -> sender(
					Binder.get(environment).bindOrCreate("spring.mail", MailProperties.class),
					context.beanProvider(SslBundles.class).getIfAvailable())));
			beans.registerBean("mailHealthContributor", MailHealthIndicator.class,
					spec -> spec.supplier(context -> new MailHealthIndicator(context.bean(JavaMailSenderImpl.class))));
		}
	}

	static JavaMailSenderImpl sender(MailProperties properties, SslBundles sslBundles) {
		var sender = new JavaMailSenderImpl();
		sender.setHost(properties.getHost());
		if (properties.getPort() != null) {
			sender.setPort(properties.getPort());
		}
		sender.setUsername(properties.getUsername());
		sender.setPassword(properties.getPassword());
		sender.setProtocol(properties.getProtocol());
		if (properties.getDefaultEncoding() != null) {
			sender.setDefaultEncoding(properties.getDefaultEncoding().name());
		}
		var javaMail = new Properties();
		javaMail.putAll(properties.getProperties());
		var protocol = StringUtils.hasLength(properties.getProtocol()) ? properties.getProtocol() : "smtp";
		var ssl = properties.getSsl();
		if (ssl.isEnabled()) {
			javaMail.setProperty("mail." + protocol + ".ssl.enable", "true");
		}
		if ((ssl.isEnabled() || StringUtils.hasLength(ssl.getBundle())) && ssl.isVerifyHostname()) {
			javaMail.setProperty("mail." + protocol + ".ssl.checkserveridentity", "true");
		}
		if (StringUtils.hasLength(ssl.getBundle())) {
			if (sslBundles == null) {
				throw new IllegalStateException("spring.mail.ssl.bundle is set, but there are no SSL bundles");
			}
			javaMail.put("mail." + protocol + ".ssl.socketFactory",
					sslBundles.getBundle(ssl.getBundle()).createSslContext().getSocketFactory());
		}
		if (!javaMail.isEmpty()) {
			sender.setJavaMailProperties(javaMail);
		}
		return sender;
	}
}
