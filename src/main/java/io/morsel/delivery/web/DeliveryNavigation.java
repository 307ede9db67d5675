package io.morsel.delivery.web;

import io.morsel.identity.Role;
import io.morsel.web.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Delivery's pages in the layout's navigation: every member's notifications (where their delivery settings are
 * linked), the learners' topics, the managers' trigger rules, and the admins' send log (where the organisation's
 * defaults are linked) and channels.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryNavigation {

	@Bean
	NavigationEntry notificationsLink() {
		return NavigationEntry.forEveryone("nav.notifications", "/notifications", 65);
	}

	@Bean
	NavigationEntry triggerRulesLink() {
		return NavigationEntry.forRoles("nav.trigger-rules", "/delivery/rules", 45, Role.MANAGER, Role.ADMIN);
	}

	@Bean
	NavigationEntry topicsLink() {
		return NavigationEntry.forRoles("nav.topics", "/delivery/topics", 25, Role.LEARNER);
	}

	@Bean
	NavigationEntry channelsLink() {
		return NavigationEntry.forRoles("nav.channels", "/delivery/channels", 58, Role.ADMIN);
	}

	@Bean
	NavigationEntry sendLogLink() {
		return NavigationEntry.forRoles("nav.deliveries", "/delivery/log", 57, Role.ADMIN);
	}
}
