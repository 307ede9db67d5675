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
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seeds each demo organisation with its own demo catalog: its skills, the lessons (published, by the organisation's demo
 * author) and the programs. Acme's catalog (an analytics product, its partners, writing objectives) is under
 * {@code demo/}, Globex's (a logistics company: warehouse safety, returns and dispatch) under {@code demo/globex/}. Runs
 * once per organisation: it does nothing where the organisation already has lessons.
 */
class DemoCatalog {

	/** A demo organisation and the classpath folder of its catalog: skills.json, programs.json and lessons/*.json. */
	record Catalog(String organisation, String folder) {
	}

	static final List<Catalog> CATALOGS = List.of(new Catalog("acme", "demo"), new Catalog("globex", "demo/globex"));

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

	/**
	 * First of the demo seeders: it seeds only an organisation without lessons, and the seeders that build on the
	 * catalog come after it (authoring's DemoRecording adds lessons; credentials' DemoAchievements names its skills).
	 */
	@EventListener(ApplicationReadyEvent.class)
	@Order(0)
	void seed() throws IOException {
		for (var catalog : CATALOGS) {
			var slug = catalog.organisation();
			var author = directory.member("author@" + slug + ".test", slug);
			if (author.isEmpty() || !lessons.all(author.get().organisationId()).isEmpty()) {
				continue;
			}
			seed(author.get(), catalog.folder());
			log.info("Seeded the demo catalog of {}", slug);
		}
	}

	private void seed(CurrentMember author, String folder) throws IOException {
		var resolver = new PathMatchingResourcePatternResolver();
		var demoSkills = read(resolver.getResource("classpath:" + folder + "/skills.json"), DemoSkill[].class);
		var demoPrograms = read(resolver.getResource("classpath:" + folder + "/programs.json"), DemoProgram[].class);
		var files = resolver.getResources("classpath:" + folder + "/lessons/*.json");
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
