package io.morsel.web;

import java.util.List;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;
import org.springframework.stereotype.Component;

/**
 * Renders lesson Markdown for templates ({@code th:utext="${@markdown.html(text)}"}). Raw HTML in the source is
 * escaped, never passed through, and link targets are sanitised, so what an author typed cannot run as script: links
 * go to http, https or mailto addresses, images come from http or https; a relative address (Morsel's own pages and
 * media) stays as it is. Anything else, {@code javascript:} and {@code data:} included, becomes an empty target.
 */
@Component("markdown")
public class Markdown {

	private final Parser parser;
	private final HtmlRenderer renderer;

	Markdown() {
		var extensions = List.of(AutolinkExtension.create());
		this.parser = Parser.builder().extensions(extensions).build();
		this.renderer = HtmlRenderer.builder()
			.extensions(extensions)
			.escapeHtml(true)
			.sanitizeUrls(true)
			.urlSanitizer(new Targets())
			.build();
	}

	public String html(String markdown) {
		return renderer.render(parser.parse(markdown));
	}

	/** commonmark's own sanitiser, which also lets {@code data:} through, held to the schemes named above. */
	private static final class Targets implements UrlSanitizer {

		private final UrlSanitizer links = new DefaultUrlSanitizer(List.of("http", "https", "mailto"));
		private final UrlSanitizer images = new DefaultUrlSanitizer(List.of("http", "https"));

		@Override
		public String sanitizeLinkUrl(String url) {
			return links.sanitizeLinkUrl(url);
		}

		@Override
		public String sanitizeImageUrl(String url) {
			return images.sanitizeImageUrl(url);
		}
	}
}
