package io.morsel.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.servlet.View;

/**
 * A page already rendered and encoded in UTF-8 ({@link KeptFragments#view}): sent as it is, with its length, in one
 * piece rather than chunked.
 */
final class EncodedHtmlView implements View {

	static final String CONTENT_TYPE = "text/html;charset=UTF-8";

	private final byte[] utf8;

	EncodedHtmlView(byte[] utf8) {
		this.utf8 = utf8;
	}

	@Override
	public String getContentType() {
		return CONTENT_TYPE;
	}

	@Override
	public void render(@Nullable Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		response.setContentType(CONTENT_TYPE);
		response.setLocale(LocaleContextHolder.getLocale());
		response.setContentLength(utf8.length);
		response.getOutputStream().write(utf8);
	}
}
