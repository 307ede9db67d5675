package io.morsel.authoring;

import io.morsel.catalog.Block;
import io.morsel.catalog.LessonContent;
import io.morsel.catalog.Objective;
import io.morsel.shared.InvalidValueException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lesson templates, read once at start-up through the lesson format's own checks, so a broken template stops
 * the application instead of an author's first click.
 */
@Component
class LessonTemplates {

	/** Read when an author first starts from a template, not during the node's start. */
	private final SingletonSupplier<Map<LessonTemplate, LessonContent>> contents;

	LessonTemplates(JsonMapper json) {
		this.contents = SingletonSupplier.of(() -> read(json));
	}

	private static Map<LessonTemplate, LessonContent> read(JsonMapper json) {
		var contents = new EnumMap<LessonTemplate, LessonContent>(LessonTemplate.class);
		for (var template : LessonTemplate.values()) {
			if (template == LessonTemplate.BLANK) {
				continue;
			}
			var resource = new ClassPathResource("authoring/templates/" + template.formName() + ".json");
			try (var in = resource.getInputStream()) {
				contents.put(template, json.readValue(in, LessonContent.class));
			}
			catch (IOException e) {
				throw new UncheckedIOException("Could not read the lesson template " + resource.getPath(), e);
			}
		}
		return contents;
	}

	/**
	 * A new lesson's first content: the template's blocks under the author's title and objective; a blank one is the
	 * first text alone, which it then needs.
	 */
	LessonContent content(LessonTemplate template, String title, String objective, int minutes,
			@Nullable String firstText) {
		if (template == LessonTemplate.BLANK) {
			if (firstText == null || firstText.isBlank()) {
				throw new InvalidValueException("authoring.refused.write-what-learner-reads-first-start");
			}
			return new LessonContent(title, new Objective(objective), minutes, List.of(), List.of(new Block.Text(firstText)));
		}
		var blocks = contents.obtain().get(template).blocks();
		if (firstText != null && !firstText.isBlank()) {
			// The author's first text replaces the template's opening paragraph: they already wrote it.
			blocks = new java.util.ArrayList<>(blocks);
			if (blocks.getFirst() instanceof Block.Text) {
				blocks.set(0, new Block.Text(firstText));
			}
			else {
				blocks.addFirst(new Block.Text(firstText));
			}
		}
		return new LessonContent(title, new Objective(objective), minutes, List.of(), blocks);
	}
}
