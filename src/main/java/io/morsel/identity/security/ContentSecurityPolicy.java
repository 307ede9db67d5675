package io.morsel.identity.security;

import io.morsel.identity.CurrentMember;
import io.morsel.identity.FrameOrigins;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.header.HeaderWriter;

/**
 * Every page's content security policy: our own scripts, styles and media only, and frames only from the video players
 * a lesson may show: YouTube's and Vimeo's privacy-enhanced ones, and those the signed-in member's organisation added
 * ({@link FrameOrigins}). A page that set its own policy (a public credential) keeps it.
 */
final class ContentSecurityPolicy implements HeaderWriter {

	static final String HEADER = "Content-Security-Policy";

	static final String BASE = "default-src 'self'; img-src 'self' data:; media-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'; frame-src ";

	private static final String BUILT_IN = String.join(" ", FrameOrigins.BUILT_IN);

	private final FrameOrigins origins;

	ContentSecurityPolicy(FrameOrigins origins) {
		this.origins = origins;
	}

	@Override
	public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
		if (response.containsHeader(HEADER)) {
			return;
		}
		var policy = new StringBuilder(BASE).append(BUILT_IN);
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof CurrentMember member) {
			for (var origin : origins.added(member.organisationId())) {
				policy.append(' ').append(origin);
			}
		}
		response.setHeader(HEADER, policy.toString());
	}
}
