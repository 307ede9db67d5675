package io.morsel.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.morsel.catalog.Block;
import io.morsel.catalog.PlayableLesson;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The parts of the lesson player that are the same for every learner, rendered once per node and language and then
 * kept ({@code ${@renderedFragments...}}): the blocks of a published version (text, media, transcripts), the fields
 * of an unanswered question and the navigation of a step. Each is kept under everything it is made of, so a cached
 * fragment is never stale: published versions never change, and a question or a step that differs is another key.
 */
@Component("renderedFragments")
public class RenderedFragments {

	private record Key(String fragment, Map<String, Object> variables, Locale locale) {
	}

	private final ITemplateEngine templates;
	private final ApplicationContext application;
	private final Cache<Key, String> html = Caffeine.newBuilder()
		.maximumWeight(64L * 1024 * 1024)
		.<Key, String>weigher((key, value) -> 256 + 2 * value.length())
		.build();

	RenderedFragments(ITemplateEngine templates, ApplicationContext application) {
		this.templates = templates;
		this.application = application;
	}

	/** A block of a published version as learners see it ({@code web/blocks :: block}). */
	public String block(Block block, UUID lesson, int version, int index) {
		return render("web/blocks", "block", Map.of("block", block, "lessonId", lesson, "version", version, "index", index));
	}

	/** The fields of an unanswered question ({@code learning/interaction :: fields}); the form around them is not. */
	public String fields(PlayableLesson.Question question) {
		return render("learning/interaction", "fields", Map.of("q", question));
	}

	/** The links to the previous and next step ({@code learning/lesson :: nav}). */
	public String nav(UUID lesson, int index, int size) {
		return render("learning/lesson", "nav", Map.of("lessonId", lesson, "index", index, "size", size));
	}

	private String render(String template, String fragment, Map<String, Object> variables) {
		var locale = LocaleContextHolder.getLocale();
		var key = new Key(template + "::" + fragment, variables, locale);
		return html.get(key, k -> {
			var request = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
			var exchange = JakartaServletWebApplication.buildApplication(request.getRequest().getServletContext())
				.buildExchange(request.getRequest(), request.getResponse());
			var context = new WebContext(exchange, locale, variables);
			context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
					new ThymeleafEvaluationContext(application, null));
			return templates.process(template, Set.of(fragment), context);
		});
	}
}
