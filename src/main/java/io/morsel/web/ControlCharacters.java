package io.morsel.web;

import io.morsel.shared.ProblemResponses;
import io.morsel.shared.ProblemTypes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses text with control characters before anything reads it: query parameters, form fields (URL-encoded and
 * multipart) and the names of uploaded files, on every page and API path, the sign-in form included. Only tab, line
 * feed and carriage return are let through, for multi-line fields such as Markdown. PostgreSQL refuses NUL in text,
 * and no other control character has a meaning in Morsel's data. JSON bodies are checked as they are read
 * ({@link JsonInputRules}).
 *
 * <p>Runs before Spring Security, so that a refused sign-in or token request never reaches the database.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10)
class ControlCharacters extends OncePerRequestFilter {

	/** The message key of the reason a page shows above the 400 error. */
	static final String REASON = "error.control-characters";

	private final ProblemResponses problems;

	ControlCharacters(ProblemResponses problems) {
		this.problems = problems;
	}

	/** The first control character of {@code text} that is not a tab or a line break, or -1. */
	static int refused(String text) {
		for (int i = 0; i < text.length(); i++) {
			var c = text.charAt(i);
			if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
				return c;
			}
		}
		return -1;
	}

	/** What is wrong with the field's text, for a message. */
	static String reason(String field, int character) {
		return "The field '" + field + "' contains the control character U+" + "%04X".formatted(character)
				+ "; text may contain tabs and line breaks, no other control characters.";
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var refusal = refusal(request);
		if (refusal == null) {
			chain.doFilter(request, response);
			return;
		}
		if (request.getRequestURI().startsWith("/api/")) {
			problems.write(request, response, 400, ProblemTypes.VALIDATION, "problem.title.invalid-request", refusal);
			return;
		}
		ErrorPages.show(request, response, 400, REASON);
	}

	private static @Nullable String refusal(HttpServletRequest request) {
		// A request whose query or form Tomcat cannot decode has no parameters; what is wrong with it surfaces later.
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			var name = parameter.getKey();
			if (refused(name) >= 0) {
				return reason(printable(name), refused(name));
			}
			for (var value : parameter.getValue()) {
				if (value != null && refused(value) >= 0) {
					return reason(name, refused(value));
				}
			}
		}
		return fileNameRefusal(request);
	}

	private static @Nullable String fileNameRefusal(HttpServletRequest request) {
		var type = request.getContentType();
		if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
			return null;
		}
		try {
			for (var part : request.getParts()) {
				var fileName = part.getSubmittedFileName();
				if (fileName != null && refused(fileName) >= 0) {
					return reason(part.getName(), refused(fileName)).replace("The field", "The name of the file in");
				}
			}
		}
		catch (IOException | ServletException | IllegalStateException unreadable) {
			// Not multipart after all (no boundary), or too large: Spring's multipart handling answers that.
		}
		return null;
	}

	private static String printable(String name) {
		return name.codePoints()
			.map(c -> Character.isISOControl(c) ? '?' : c)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
	}
}
