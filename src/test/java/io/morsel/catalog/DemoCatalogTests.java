package io.morsel.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo catalogs, Acme's (demo/) and Globex's own (demo/globex/), are valid, complete, answerable, and their media
 * are real files whose transcripts match.
 */
class DemoCatalogTests {

	private static final Path DEMO = Path.of("src/main/resources/demo");
	private static final Path GLOBEX = DEMO.resolve("globex");
	private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
	private static final Map<String, String> TEXTS = new HashMap<>();
	private static final Map<String, LessonContent> LESSONS = new HashMap<>();
	private static final Map<String, LessonContent> GLOBEX_LESSONS = new HashMap<>();

	@BeforeAll
	static void read() throws IOException {
		read(DEMO, LESSONS);
		read(GLOBEX, GLOBEX_LESSONS);
	}

	private static void read(Path catalog, Map<String, LessonContent> lessons) throws IOException {
		try (Stream<Path> files = Files.list(catalog.resolve("lessons"))) {
			for (var file : files.toList()) {
				var slug = file.getFileName().toString().replace(".json", "");
				TEXTS.put(file.toString(), Files.readString(file));
				lessons.put(slug, JSON.readValue(Files.readString(file), LessonContent.class));
			}
		}
	}

	/** Both catalogs' lessons, each under its folder and slug. */
	private static Map<String, LessonContent> everyLesson() {
		var all = new HashMap<String, LessonContent>();
		LESSONS.forEach((slug, lesson) -> all.put("demo/" + slug, lesson));
		GLOBEX_LESSONS.forEach((slug, lesson) -> all.put("demo/globex/" + slug, lesson));
		return all;
	}

	@Test
	void everyLessonIsAMicroLessonThatAssessesItsObjective() {
		assertThat(LESSONS).hasSizeGreaterThanOrEqualTo(24);
		assertThat(GLOBEX_LESSONS).hasSizeGreaterThanOrEqualTo(12);
		everyLesson().forEach((slug, lesson) -> {
			assertThat(lesson.estimatedMinutes()).as(slug).isBetween(2, 7);
			assertThat(lesson.interactions()).as(slug).anyMatch(Interaction::assessesObjective);
		});
	}

	@Test
	void programsUseEveryLessonAndOnlyExistingOnes() throws IOException {
		programsUseEveryLesson(DEMO, LESSONS, 3);
		programsUseEveryLesson(GLOBEX, GLOBEX_LESSONS, 2);
	}

	private static void programsUseEveryLesson(Path catalog, Map<String, LessonContent> lessons, int atLeast)
			throws IOException {
		var programs = JSON.readTree(catalog.resolve("programs.json").toFile());
		assertThat(programs.size()).isGreaterThanOrEqualTo(atLeast);
		var used = new ArrayList<String>();
		for (var program : programs) {
			assertThat(program.get("outcome").asString()).isNotBlank();
			assertThat(program.get("lessons").size()).as(program.get("slug").asString()).isBetween(6, 8);
			program.get("lessons").forEach(l -> used.add(l.asString()));
		}
		assertThat(used).doesNotHaveDuplicates();
		assertThat(new HashSet<>(used)).isEqualTo(lessons.keySet());
	}

	@Test
	void globexHasACatalogOfItsOwnBusinessNotACopyOfAcmes() throws IOException {
		var acmeTitles = LESSONS.values().stream().map(LessonContent::title).collect(Collectors.toSet());
		assertThat(GLOBEX_LESSONS.values()).extracting(LessonContent::title).doesNotContainAnyElementsOf(acmeTitles);
		assertThat(GLOBEX_LESSONS.keySet()).doesNotContainAnyElementsOf(LESSONS.keySet());
		assertThat(skills(GLOBEX)).doesNotContainAnyElementsOf(skills(DEMO));
		var programSlugs = new HashSet<String>();
		JSON.readTree(DEMO.resolve("programs.json").toFile()).forEach(p -> programSlugs.add(p.get("slug").asString()));
		JSON.readTree(GLOBEX.resolve("programs.json").toFile())
			.forEach(p -> assertThat(programSlugs).doesNotContain(p.get("slug").asString()));
	}

	private static Set<String> skills(Path catalog) throws IOException {
		var skills = new HashSet<String>();
		JSON.readTree(catalog.resolve("skills.json").toFile()).forEach(s -> skills.add(s.get("name").asString()));
		return skills;
	}

	@Test
	void skillsAreTheOrganisationsAndMediaAreRealFiles() throws IOException {
		var skills = skills(DEMO);
		LESSONS.forEach((slug, lesson) -> assertThat(skills).as(slug).containsAll(lesson.skills()));
		var globexSkills = skills(GLOBEX);
		GLOBEX_LESSONS.forEach((slug, lesson) -> assertThat(globexSkills).as(slug).containsAll(lesson.skills()));

		var references = Pattern.compile("\"demo:([^\"]+)\"");
		for (var text : TEXTS.values()) {
			var matcher = references.matcher(text);
			while (matcher.find()) {
				var file = DEMO.resolve("media").resolve(matcher.group(1));
				assertThat(file).exists();
				assertThat(magic(file)).as(file.toString()).isTrue();
			}
		}
	}

	@Test
	void transcriptsAreTheOnesTimedFromTheNarration() throws IOException {
		for (var lesson : everyLesson().values()) {
			for (var block : lesson.blocks()) {
				var media = switch (block) {
					case Block.Video video -> video.media();
					case Block.Audio audio -> audio.media();
					default -> null;
				};
				if (media == null) {
					continue;
				}
				var name = media.replace("demo:", "").replaceAll("\\.[a-z0-9]+$", ".vtt");
				var expected = Files.readString(Path.of("tools/demo-transcripts", name));
				var transcript = block instanceof Block.Video v ? v.transcript() : ((Block.Audio) block).transcript();
				assertThat(transcript).isEqualTo(expected);
				assertThat(Transcripts.cues(transcript)).isNotEmpty();
			}
		}
	}

	@Test
	void everyQuestionCanBeAnsweredRight() {
		everyLesson().forEach((slug, lesson) -> {
			for (var interaction : lesson.interactions()) {
				var score = interaction.score(interaction.fullMarks("My own answer."));
				assertThat(score.credit()).as(slug + " " + interaction.id()).isEqualTo(1.0);
			}
		});
	}

	@Test
	void theCatalogCoversEveryBlockAndInteractionType() {
		Set<Class<?>> kinds = LESSONS.values().stream()
			.flatMap(l -> l.blocks().stream())
			.map(b -> b instanceof Block.Question q ? q.interaction().getClass() : b.getClass())
			.collect(Collectors.toSet());
		assertThat(kinds).contains(Block.Text.class, Block.Image.class, Block.Video.class, Block.Audio.class,
				Block.Resources.class, SingleChoice.class, MultipleChoice.class, PickN.class, Matching.class,
				Ordering.class, ShortText.class, Scenario.class, ApplicationExercise.class);
	}


	/** WebM (EBML), Ogg, PNG: the bytes are what the name says. */
	private static boolean magic(Path file) throws IOException {
		var head = new byte[8];
		try (var in = Files.newInputStream(file)) {
			in.readNBytes(head, 0, 8);
		}
		var name = file.getFileName().toString();
		if (name.endsWith(".webm")) {
			return (head[0] & 0xff) == 0x1a && (head[1] & 0xff) == 0x45 && (head[2] & 0xff) == 0xdf && (head[3] & 0xff) == 0xa3;
		}
		if (name.endsWith(".ogg")) {
			return new String(head, 0, 4).equals("OggS");
		}
		if (name.endsWith(".png")) {
			return (head[0] & 0xff) == 0x89 && new String(head, 1, 3).equals("PNG");
		}
		return false;
	}

}
