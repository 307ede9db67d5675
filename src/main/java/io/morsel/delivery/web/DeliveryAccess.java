package io.morsel.delivery.web;

import io.morsel.identity.AccessRules;
import io.morsel.identity.Role;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * Managers and administrators write trigger rules and send triggers; administrators see the organisation's send log
 * and set its cadence; every member has notifications and settings. An unsubscribe link, and a Teams card's answer
 * link, works for anyone who holds it: its token is signed. Slack's interactivity requests carry Slack's signature.
 */
@Component
class DeliveryAccess implements AccessRules {

	@Override
	public void pages(Rules rules) {
		rules.permitAll("/unsubscribe/**", "/channels/answers/**")
			.requireAnyRole(Set.of(Role.MANAGER, Role.ADMIN), "/delivery/rules", "/delivery/rules/**")
			.requireRole(Role.ADMIN, "/delivery/log", "/delivery/organisation", "/delivery/channels",
					"/delivery/dead-letters/**");
	}

	@Override
	public void api(Rules rules) {
		rules.permitAll(HttpMethod.POST, "/api/v1/unsubscribe/*", "/api/v1/channels/slack/*/interactions")
			.requireAnyRole(Set.of(Role.MANAGER, Role.ADMIN), "/api/v1/triggers", "/api/v1/triggers/**",
					"/api/v1/trigger-rules", "/api/v1/trigger-rules/**")
			.requireRole(Role.ADMIN, "/api/v1/delivery/cadence", "/api/v1/delivery/cadence/**",
					"/api/v1/delivery/channels", "/api/v1/delivery/dead-letters", "/api/v1/delivery/dead-letters/**");
	}
}
