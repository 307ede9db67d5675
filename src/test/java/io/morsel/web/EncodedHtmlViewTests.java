package io.morsel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class EncodedHtmlViewTests {

	@Test
	void sendsThePageAsUtf8WithItsLength() throws Exception {
		var page = "<p>Déjà vu — 日本語</p>";
		var response = new MockHttpServletResponse();

		new EncodedHtmlView(page.getBytes(StandardCharsets.UTF_8)).render(Map.of(), new MockHttpServletRequest(), response);

		var bytes = page.getBytes(StandardCharsets.UTF_8);
		assertThat(response.getContentType()).isEqualTo("text/html;charset=UTF-8");
		assertThat(response.getContentLength()).isEqualTo(bytes.length);
		assertThat(response.getContentAsByteArray()).isEqualTo(bytes);
	}
}
