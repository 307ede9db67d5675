package io.morsel.identity.security;

import io.morsel.identity.AccessRules;
import io.morsel.identity.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which API requests the access rules open to anyone, read the way the filter chain reads them: the first rule whose
 * method and pattern match decides. A read-only token sending a write to such an endpoint is not refused for its scope
 * ({@link BearerTokens}): the endpoint asks nobody to sign in, so it cannot ask the token to write.
 */
final class PublicApi implements AccessRules.Rules {

	private record Rule(@Nullable HttpMethod method, PathPattern pattern, boolean open) {
	}

	private final List<Rule> rules = new ArrayList<>();

	static PublicApi of(List<AccessRules> modules) {
		var api = new PublicApi();
		api.permitAll(HttpMethod.POST, "/api/v1/tokens");
		modules.forEach(module -> module.api(api));
		return api;
	}

	boolean opens(HttpServletRequest request) {
		var path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
		for (var rule : rules) {
			if ((rule.method() == null || rule.method().matches(request.getMethod())) && rule.pattern().matches(path)) {
				return rule.open();
			}
		}
		return false;
	}

	@Override
	public AccessRules.Rules permitAll(String... patterns) {
		return add(null, true, patterns);
	}

	@Override
	public AccessRules.Rules permitAll(HttpMethod method, String... patterns) {
		return add(method, true, patterns);
	}

	@Override
	public AccessRules.Rules requireRole(Role role, String... patterns) {
		return add(null, false, patterns);
	}

	@Override
	public AccessRules.Rules requireAnyRole(Set<Role> roles, String... patterns) {
		return add(null, false, patterns);
	}

	private AccessRules.Rules add(@Nullable HttpMethod method, boolean open, String... patterns) {
		for (var pattern : patterns) {
			rules.add(new Rule(method, PathPatternParser.defaultInstance.parse(pattern), open));
		}
		return this;
	}
}
