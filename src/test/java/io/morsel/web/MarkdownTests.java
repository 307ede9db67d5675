package io.morsel.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What an author writes in Markdown cannot make a link or an image that runs script or smuggles a document. */
class MarkdownTests {

	private final Markdown markdown = new Markdown();

	@Test
	void dataLinksLoseTheirTarget() {
		assertThat(markdown.html("[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"))
			.doesNotContain("data:");
	}

	@Test
	void scriptLinksLoseTheirTargetWhateverTheirCase() {
		assertThat(markdown.html("[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](vbscript:x)"))
			.doesNotContainIgnoringCase("script:");
	}

	@Test
	void dataAndMailtoImagesLoseTheirSource() {
		var html = markdown.html("![x](data:image/svg+xml;base64,PHN2Zz4=) ![y](mailto:a@b.test)");
		assertThat(html).doesNotContain("data:").doesNotContain("mailto:");
	}

	@Test
	void webMailAndRelativeLinksStay() {
		var html = markdown.html("[w](https://example.test/a) [m](mailto:team@example.test) [r](/lessons/1) ![i](/media/2)");
		assertThat(html).contains("href=\"https://example.test/a\"", "href=\"mailto:team@example.test\"",
				"href=\"/lessons/1\"", "src=\"/media/2\"");
	}
}
