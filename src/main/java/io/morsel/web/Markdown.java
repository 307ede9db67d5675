package io.morsel.web;

import java.util.List;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.stereotype.Component;

/**
 * Renders lesson Markdown for templates ({@code th:utext="${@markdown.html(text)}"}). Raw HTML in the source is
 * escaped, never passed through, and link targets are sanitised, so what an author typed cannot run as script.
 */
@Component("markdown")
public class Markdown {

	private final Parser parser;
	private final HtmlRenderer renderer;

	Markdown() {
		var extensions = List.of(AutolinkExtension.create());
		this.parser = Parser.builder().extensions(extensions).build();
		this.renderer = HtmlRenderer.builder().extensions(extensions).escapeHtml(true).sanitizeUrls(true).build();
	}

	public String html(String markdown) {
		return renderer.render(parser.parse(markdown));
	}
}
