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
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} with a personal access token. A request without the header
 * passes on (and the access rules decide); a token that is unknown, expired or revoked, or whose owner was deactivated
 * or removed on any node, is refused at once. A read-only token sending anything but a read is refused with 403, except
 * to an endpoint open to anyone ({@link PublicApi}), which it reaches as anyone does.
 */
class BearerTokens extends OncePerRequestFilter {

	private static final String SCHEME = "Bearer ";
	/** What a read-only token may send: the methods that change nothing. */
	private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

	private final ApiTokens tokens;
	private final AccessRevocations revocations;
	private final ProblemResponses problems;
	private final PublicApi publicApi;

	BearerTokens(ApiTokens tokens, AccessRevocations revocations, ProblemResponses problems, PublicApi publicApi) {
		this.tokens = tokens;
		this.revocations = revocations;
		this.problems = problems;
		this.publicApi = publicApi;
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
			problems.write(request, response, 401, ProblemTypes.UNAUTHENTICATED, "Invalid token",
					"The bearer token is unknown, expired or was revoked.");
			return;
		}
		if (bearer.get().readOnly() && !READS.contains(request.getMethod())) {
			if (publicApi.opens(request)) {
				// Anyone may send this write: the token's scope limits what it may do as its owner, so it is sent
				// as anyone would send it, not refused.
				chain.doFilter(request, response);
				return;
			}
			problems.write(request, response, 403, ProblemTypes.FORBIDDEN, "Read-only token",
					"This token may only read; create one without the read-only scope to make changes.");
			return;
		}
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(MemberAuthentication.of(bearer.get().member()));
		SecurityContextHolder.setContext(context);
		chain.doFilter(request, response);
	}
}
