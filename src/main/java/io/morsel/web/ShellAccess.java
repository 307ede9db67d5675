package io.morsel.web;

import io.morsel.identity.AccessRules;
import org.springframework.stereotype.Component;

/**
 * What the shell serves to anyone: static files, the web app manifest and service worker, the error pages, the problem types' addresses, the API's
 * documentation, and the bench profile's reference endpoints.
 */
@Component
class ShellAccess implements AccessRules {

	@Override
	public void pages(Rules rules) {
		rules.permitAll("/static/**", "/webjars/**", "/favicon.ico", "/error", "/problems/**")
			// What makes Morsel installable (InstallableApp): the same for everyone, asked for before signing in.
			.permitAll("/manifest.webmanifest", "/sw.js")
			.permitAll("/swagger-ui.html", "/swagger-ui/**")
			// Only answered in the bench profile (BenchEndpoints).
			.permitAll("/bench/**");
	}

	@Override
	public void api(Rules rules) {
		rules.permitAll("/api/docs", "/api/docs.yaml", "/api/docs/**");
	}
}
