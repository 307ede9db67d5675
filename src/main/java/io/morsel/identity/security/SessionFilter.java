package io.morsel.identity.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/** Verifies the session cookie of a page request before Spring Security asks who is signed in. */
class SessionFilter extends OncePerRequestFilter {

	private final SignedSessions sessions;

	SessionFilter(SignedSessions sessions) {
		this.sessions = sessions;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		sessions.resolve(request, response);
		chain.doFilter(request, response);
	}
}
