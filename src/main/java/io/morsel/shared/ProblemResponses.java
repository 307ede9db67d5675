package io.morsel.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 9457 problem details from filters, where no controller advice reaches. A title is a message code of the
 * bundles ({@code problem.title.forbidden}), resolved in the request's locale like a page's words.
 */
@Component
public class ProblemResponses {

	private final JsonMapper json;
	private final MessageSource messages;

	public ProblemResponses(JsonMapper json, MessageSource messages) {
		this.json = json;
		this.messages = messages;
	}

	public void write(HttpServletRequest request, HttpServletResponse response, int status, URI type,
			String titleCode, String detail) throws IOException {
		write(request, response, status, type, titleCode, detail, request.getRequestURI());
	}

	public void write(HttpServletRequest request, HttpServletResponse response, int status, URI type,
			String titleCode, String detail, String instance) throws IOException {
		var body = new LinkedHashMap<String, Object>();
		body.put("type", type.toString());
		body.put("title", title(titleCode));
		body.put("status", status);
		body.put("detail", detail);
		body.put("instance", instance);
		response.setStatus(status);
		// JSON is UTF-8 by definition (RFC 8259); the mapper writes UTF-8 bytes, so no charset parameter is needed.
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), body);
	}

	/** The title named by {@code code}, in the locale of the request being served. */
	public String title(String code) {
		return messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
	}
}
