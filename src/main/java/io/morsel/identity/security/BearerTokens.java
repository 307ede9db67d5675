package io.morsel.identity.security;

import io.morsel.identity.internal.AccessRevocations;
import io.morsel.identity.internal.ApiTokens;
import io.morsel.shared.ProblemResponses;
import io.morsel.shared.ProblemTypes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} with a personal access token. A request without the header
 * passes on (and the access rules decide); a token that is unknown, expired or revoked, or whose owner was deactivated
 * or removed on any node, is refused at once. A read-only token authenticates its owner for reads: the access rules
 * refuse its writes, except to an endpoint they open to anyone ({@link ReadOnlyScope}).
 */
class BearerTokens extends OncePerRequestFilter {

	private static final String SCHEME = "Bearer ";

	private final ApiTokens tokens;
	private final AccessRevocations revocations;
	private final ProblemResponses problems;

	BearerTokens(ApiTokens tokens, AccessRevocations revocations, ProblemResponses problems) {
		this.tokens = tokens;
		this.revocations = revocations;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
			chain.doFilter(request, response);
			return;
		}
		revocations.catchUp();
		var bearer = tokens.authenticate(header.substring(SCHEME.length()).strip());
		if (bearer.isEmpty()) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
			problems.write(request, response, 401, ProblemTypes.UNAUTHENTICATED, "problem.title.invalid-token",
					"The bearer token is unknown, expired or was revoked.");
			return;
		}
		var member = bearer.get().member();
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				bearer.get().readOnly() ? MemberAuthentication.readOnly(member) : MemberAuthentication.of(member));
		SecurityContextHolder.setContext(context);
		chain.doFilter(request, response);
	}
}
