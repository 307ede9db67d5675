package io.morsel.identity.security;

import io.morsel.identity.CurrentMember;
import io.morsel.identity.FrameOrigins;
import io.morsel.identity.SameOriginFrame;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.header.HeaderWriter;

/**
 * Every page's content security policy: our own scripts, styles and media only, and frames only from the video players
 * a lesson may show: YouTube's and Vimeo's privacy-enhanced ones, and those the signed-in member's organisation added
 * ({@link FrameOrigins}), and our own pages (the studio frames a draft's preview). No page may be framed, except by our
 * own pages where it asked for that ({@link SameOriginFrame}). A page that set its own policy (a public credential)
 * keeps it.
 */
final class ContentSecurityPolicy implements HeaderWriter {

	static final String HEADER = "Content-Security-Policy";

	static final String BASE = "default-src 'self'; img-src 'self' data:; media-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'; frame-src 'self' ";

	/** The policy of a page whose organisation added no player (and of a signed-out page): made once. */
	private static final String WITH_BUILT_IN = BASE + String.join(" ", FrameOrigins.BUILT_IN);

	private static final String NOT_FRAMED = "frame-ancestors 'none'";

	private final FrameOrigins origins;

	ContentSecurityPolicy(FrameOrigins origins) {
		this.origins = origins;
	}

	@Override
	public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
		if (response.containsHeader(HEADER)) {
			return;
		}
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		var added = authentication != null && authentication.getPrincipal() instanceof CurrentMember member
				? origins.added(member.organisationId()) : List.<String>of();
		var framed = SameOriginFrame.allowed(request);
		if (added.isEmpty() && !framed) {
			response.setHeader(HEADER, WITH_BUILT_IN);
			return;
		}
		var policy = new StringBuilder(WITH_BUILT_IN);
		for (var origin : added) {
			policy.append(' ').append(origin);
		}
		var written = policy.toString();
		response.setHeader(HEADER, framed ? written.replace(NOT_FRAMED, "frame-ancestors 'self'") : written);
	}
}
