package io.morsel.identity.security;

import io.morsel.identity.AccessRules;
import io.morsel.identity.Role;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/** Writes the modules' {@link AccessRules} into one filter chain's authorization rules, in the modules' order. */
final class CollectedAccessRules implements AccessRules.Rules {

	private final AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests;

	private CollectedAccessRules(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		this.requests = requests;
	}

	static void pages(List<AccessRules> modules,
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		var rules = new CollectedAccessRules(requests);
		modules.forEach(module -> module.pages(rules));
	}

	static void api(List<AccessRules> modules,
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		var rules = new CollectedAccessRules(requests);
		modules.forEach(module -> module.api(rules));
	}

	@Override
	public AccessRules.Rules permitAll(String... patterns) {
		requests.requestMatchers(patterns).permitAll();
		return this;
	}

	@Override
	public AccessRules.Rules permitAll(HttpMethod method, String... patterns) {
		requests.requestMatchers(method, patterns).permitAll();
		return this;
	}

	@Override
	public AccessRules.Rules requireRole(Role role, String... patterns) {
		requests.requestMatchers(patterns).hasAuthority(role.authority());
		return this;
	}

	@Override
	public AccessRules.Rules requireAnyRole(Set<Role> roles, String... patterns) {
		if (roles.isEmpty()) {
			throw new IllegalArgumentException("A rule for any of no roles admits no one: name at least one");
		}
		requests.requestMatchers(patterns).hasAnyAuthority(roles.stream().map(Role::authority).sorted().toArray(String[]::new));
		return this;
	}
}
