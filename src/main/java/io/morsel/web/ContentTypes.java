package io.morsel.web;

import io.morsel.shared.ProblemResponses;
import io.morsel.shared.ProblemTypes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.Charset;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * Refuses a request body whose {@code Content-Type} cannot be read at all with 415, before anything tries: a type that
 * does not parse, a wildcard ({@code application/*}: a body has one concrete type), multipart without a boundary, or a
 * charset Java does not know. Left alone, each fails deep in Tomcat or Spring MVC, before any controller advice,
 * as a 500.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 15)
class ContentTypes extends OncePerRequestFilter {

	private final ProblemResponses problems;

	ContentTypes(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// A request whose parts are already resolved (MockMvc's) needs no boundary to read them.
		var refusal = request instanceof MultipartHttpServletRequest ? null : refusal(request.getContentType());
		if (refusal == null) {
			chain.doFilter(request, response);
			return;
		}
		if (request.getRequestURI().startsWith("/api/")) {
			problems.write(request, response, 415, ProblemTypes.UNSUPPORTED_MEDIA_TYPE, "problem.title.unsupported-media-type",
					refusal);
			return;
		}
		ErrorPages.show(request, response, 415, null);
	}

	static @Nullable String refusal(@Nullable String contentType) {
		if (contentType == null || contentType.isBlank()) {
			return null;
		}
		MediaType type;
		try {
			type = MediaType.parseMediaType(contentType);
		}
		catch (InvalidMediaTypeException e) {
			return "The Content-Type '" + contentType + "' is not a media type.";
		}
		if (type.isWildcardType() || type.isWildcardSubtype()) {
			return "The Content-Type must name one type, such as application/json, not " + type + ".";
		}
		if (type.getType().equals("multipart") && (type.getParameter("boundary") == null
				|| type.getParameter("boundary").isBlank() || type.getParameter("boundary").equals("\"\""))) {
			return "A multipart body needs a boundary parameter in its Content-Type.";
		}
		var charset = type.getParameter("charset");
		if (charset != null) {
			try {
				Charset.forName(charset.replace("\"", ""));
			}
			catch (IllegalArgumentException unknown) {
				return "The charset '" + charset + "' is not one Morsel reads; send UTF-8.";
			}
		}
		return null;
	}
}
