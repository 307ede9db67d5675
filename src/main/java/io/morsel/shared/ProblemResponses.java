package io.morsel.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes RFC 9457 problem details from filters, where no controller advice reaches. */
@Component
public class ProblemResponses {

	private final JsonMapper json;

	public ProblemResponses(JsonMapper json) {
		this.json = json;
	}

	public void write(HttpServletRequest request, HttpServletResponse response, int status, URI type, String title,
			String detail) throws IOException {
		write(request, response, status, type, title, detail, request.getRequestURI());
	}

	public void write(HttpServletRequest request, HttpServletResponse response, int status, URI type, String title,
			String detail, String instance) throws IOException {
		var body = new LinkedHashMap<String, Object>();
		body.put("type", type.toString());
		body.put("title", title);
		body.put("status", status);
		body.put("detail", detail);
		body.put("instance", instance);
		response.setStatus(status);
		// JSON is UTF-8 by definition (RFC 8259); the mapper writes UTF-8 bytes, so no charset parameter is needed.
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), body);
	}
}
