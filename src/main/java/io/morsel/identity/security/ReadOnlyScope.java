package io.morsel.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * What a read-only token may send: any read its owner may send, and a write only where the API's access rules let
 * anyone send it. The token's authentication carries {@link #AUTHORITY}; every API rule that asks for a role or a
 * signed-in member is {@linkplain #guard guarded} so that it refuses such a token's writes. A rule that opens a path to
 * anyone is not, so the rules themselves say which writes are public, read once.
 */
final class ReadOnlyScope {

	static final String AUTHORITY = "SCOPE_read-only";

	/** The methods that change nothing. */
	private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

	private ReadOnlyScope() {
	}

	/** The rule, and no write from a read-only token. */
	static AuthorizationManager<RequestAuthorizationContext> guard(
			AuthorizationManager<RequestAuthorizationContext> rule) {
		return AuthorizationManagers.allOf(rule, ReadOnlyScope::writesNeedAFullToken);
	}

	/** Whether this is a read-only token sending a write. */
	static boolean refuses(@Nullable Authentication authentication, HttpServletRequest request) {
		return authentication != null && !READS.contains(request.getMethod())
				&& authentication.getAuthorities().stream().anyMatch(granted -> AUTHORITY.equals(granted.getAuthority()));
	}

	private static AuthorizationResult writesNeedAFullToken(Supplier<? extends @Nullable Authentication> authentication,
			RequestAuthorizationContext context) {
		return new AuthorizationDecision(!refuses(authentication.get(), context.getRequest()));
	}
}
