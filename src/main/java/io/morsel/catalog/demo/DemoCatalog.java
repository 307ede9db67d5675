package io.morsel.catalog.demo;

import io.morsel.catalog.LessonContent;
import io.morsel.catalog.LessonId;
import io.morsel.catalog.Lessons;
import io.morsel.catalog.Programs;
import io.morsel.catalog.Skills;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seeds each demo organisation with the demo catalog: its skills, the lessons (published, by the organisation's demo
 * author) and the programs. Runs once per organisation: it does nothing where the organisation already has lessons.
 */
@Component
@ConditionalOnBooleanProperty("morsel.demo.seed")
class DemoCatalog {

	static final List<String> ORGANISATIONS = List.of("acme", "globex");

	private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);

	private final Directory directory;
	private final Skills skills;
	private final Lessons lessons;
	private final Programs programs;
	private final DemoMedia media;
	private final JsonMapper json;
	private final TransactionTemplate transaction;

	DemoCatalog(Directory directory, Skills skills, Lessons lessons, Programs programs, DemoMedia media,
			JsonMapper json, TransactionTemplate transaction) {
		this.directory = directory;
		this.skills = skills;
		this.lessons = lessons;
		this.programs = programs;
		this.media = media;
		this.json = json;
		this.transaction = transaction;
	}

	record DemoSkill(String name, @Nullable String description, @Nullable String frameworkCode) {
	}

	record DemoProgram(String slug, String title, String outcome, @Nullable String description, boolean selfEnrol,
			List<String> lessons) {
	}

	/** Before the demo seeders that build on the catalog (credentials' DemoAchievements names its skills). */
	@Order(0)
	@EventListener(ApplicationReadyEvent.class)
	void seed() throws IOException {
		for (var slug : ORGANISATIONS) {
			var author = directory.member("author@" + slug + ".test", slug);
			if (author.isEmpty() || !lessons.all(author.get().organisationId()).isEmpty()) {
				continue;
			}
			seed(author.get());
			log.info("Seeded the demo catalog of {}", slug);
		}
	}

	private void seed(CurrentMember author) throws IOException {
		var resolver = new PathMatchingResourcePatternResolver();
		var demoSkills = read(resolver.getResource("classpath:demo/skills.json"), DemoSkill[].class);
		var demoPrograms = read(resolver.getResource("classpath:demo/programs.json"), DemoProgram[].class);
		var files = resolver.getResources("classpath:demo/lessons/*.json");
		var uploaded = new HashMap<String, String>();
		transaction.executeWithoutResult(status -> {
			for (var skill : demoSkills) {
				skills.add(author.organisationId(), skill.name(), skill.description(), skill.frameworkCode());
			}
			var bySlug = new HashMap<String, LessonId>();
			for (var file : files) {
				var slug = file.getFilename().replace(".json", "");
				var text = media.resolve(author, text(file), uploaded);
				var content = json.readValue(text, LessonContent.class);
				var draft = lessons.create(author, content);
				lessons.publish(author, draft.lessonId());
				bySlug.put(slug, draft.lessonId());
			}
			for (var program : demoPrograms) {
				programs.create(author.organisationId(), program.slug(), program.title(), program.outcome(),
						program.description(), program.selfEnrol(),
						program.lessons().stream().map(bySlug::get).toList());
			}
		});
	}

	private <T> T read(Resource resource, Class<T> type) throws IOException {
		try (InputStream in = resource.getInputStream()) {
			return json.readValue(in, type);
		}
	}

	private static String text(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new IllegalStateException("Cannot read " + resource, e);
		}
	}
}
