package io.morsel.web;

import io.morsel.identity.AccessRules;
import org.springframework.stereotype.Component;

/**
 * What the shell serves to anyone: static files, the error pages, the problem types' addresses, the API's
 * documentation, and the bench profile's reference endpoints.
 */
@Component
class ShellAccess implements AccessRules {

	@Override
	public void pages(Rules rules) {
		rules.permitAll("/static/**", "/webjars/**", "/favicon.ico", "/error", "/problems/**")
			.permitAll("/swagger-ui.html", "/swagger-ui/**")
			// Only answered in the bench profile (BenchEndpoints).
			.permitAll("/bench/**");
	}

	@Override
	public void api(Rules rules) {
		rules.permitAll("/api/docs", "/api/docs/**");
	}
}
