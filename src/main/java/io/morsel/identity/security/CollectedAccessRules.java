package io.morsel.identity.security;

import io.morsel.identity.AccessRules;
import io.morsel.identity.Role;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Writes the modules' {@link AccessRules} into one filter chain's authorization rules, in the modules' order. This is
 * the only reading of the rules: what they open to anyone is open to a read-only token too, and what they guard is
 * guarded further by the chain's {@code guard} (the API's: writes need a token that may write).
 */
final class CollectedAccessRules implements AccessRules.Rules {

	/** The roles a rule required of a request it refused, so that the refusal can name them. */
	static final String REQUIRED_ROLES = CollectedAccessRules.class.getName() + ".requiredRoles";

	private final AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests;

	private final UnaryOperator<AuthorizationManager<RequestAuthorizationContext>> guard;

	private CollectedAccessRules(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
			UnaryOperator<AuthorizationManager<RequestAuthorizationContext>> guard) {
		this.requests = requests;
		this.guard = guard;
	}

	static void pages(List<AccessRules> modules,
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		var rules = new CollectedAccessRules(requests, UnaryOperator.identity());
		modules.forEach(module -> module.pages(rules));
	}

	static void api(List<AccessRules> modules,
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
			UnaryOperator<AuthorizationManager<RequestAuthorizationContext>> guard) {
		var rules = new CollectedAccessRules(requests, guard);
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
		return requireAnyRole(null, Set.of(role), patterns);
	}

	@Override
	public AccessRules.Rules requireAnyRole(Set<Role> roles, String... patterns) {
		return requireAnyRole(null, roles, patterns);
	}

	@Override
	public AccessRules.Rules requireRole(HttpMethod method, Role role, String... patterns) {
		return requireAnyRole(method, Set.of(role), patterns);
	}

	@Override
	public AccessRules.Rules requireAnyRole(@Nullable HttpMethod method, Set<Role> roles, String... patterns) {
		if (roles.isEmpty()) {
			throw new IllegalArgumentException("A rule for any of no roles admits no one: name at least one");
		}
		var required = Set.copyOf(roles);
		var authorities = roles.stream().map(Role::authority).sorted().toArray(String[]::new);
		var anyOf = AuthorityAuthorizationManager.<RequestAuthorizationContext>hasAnyAuthority(authorities);
		AuthorizationManager<RequestAuthorizationContext> naming = (authentication, context) -> {
			var result = anyOf.authorize(authentication, context);
			if (result != null && !result.isGranted()) {
				context.getRequest().setAttribute(REQUIRED_ROLES, required);
			}
			return result;
		};
		var matched = method == null ? requests.requestMatchers(patterns) : requests.requestMatchers(method, patterns);
		matched.access(guard.apply(naming));
		return this;
	}
}
