package io.morsel.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.View;

/** A page already rendered, such as a kept page with its holes filled ({@link KeptFragments#page}). */
public record HtmlView(String html) implements View {

	@Override
	public String getContentType() {
		return EncodedHtmlView.CONTENT_TYPE;
	}

	@Override
	public void render(@Nullable Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		// Encoded here and written as bytes with its length: cheaper than the servlet writer's encoder, and the page
		// goes out in one piece rather than chunked.
		new EncodedHtmlView(html.getBytes(StandardCharsets.UTF_8)).render(model, request, response);
	}
}
