package io.morsel.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The demo catalog is valid, complete, answerable, and its media are real files whose transcripts match. */
class DemoCatalogTests {

	private static final Path DEMO = Path.of("src/main/resources/demo");
	private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
	private static final Map<String, String> TEXTS = new HashMap<>();
	private static final Map<String, LessonContent> LESSONS = new HashMap<>();

	@BeforeAll
	static void read() throws IOException {
		try (Stream<Path> files = Files.list(DEMO.resolve("lessons"))) {
			for (var file : files.toList()) {
				var slug = file.getFileName().toString().replace(".json", "");
				TEXTS.put(slug, Files.readString(file));
				LESSONS.put(slug, JSON.readValue(TEXTS.get(slug), LessonContent.class));
			}
		}
	}

	@Test
	void everyLessonIsAMicroLessonThatAssessesItsObjective() {
		assertThat(LESSONS).hasSizeGreaterThanOrEqualTo(24);
		LESSONS.forEach((slug, lesson) -> {
			assertThat(lesson.estimatedMinutes()).as(slug).isBetween(2, 7);
			assertThat(lesson.interactions()).as(slug).anyMatch(Interaction::assessesObjective);
		});
	}

	@Test
	void programsUseEveryLessonAndOnlyExistingOnes() throws IOException {
		var programs = JSON.readTree(DEMO.resolve("programs.json").toFile());
		assertThat(programs.size()).isGreaterThanOrEqualTo(3);
		var used = new ArrayList<String>();
		for (var program : programs) {
			assertThat(program.get("outcome").asString()).isNotBlank();
			program.get("lessons").forEach(l -> used.add(l.asString()));
		}
		assertThat(used).doesNotHaveDuplicates();
		assertThat(new HashSet<>(used)).isEqualTo(LESSONS.keySet());
	}

	@Test
	void skillsAreTheOrganisationsAndMediaAreRealFiles() throws IOException {
		var skills = new HashSet<String>();
		JSON.readTree(DEMO.resolve("skills.json").toFile()).forEach(s -> skills.add(s.get("name").asString()));
		LESSONS.forEach((slug, lesson) -> assertThat(skills).as(slug).containsAll(lesson.skills()));

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
		for (var lesson : LESSONS.values()) {
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
		LESSONS.forEach((slug, lesson) -> {
			for (var interaction : lesson.interactions()) {
				var score = interaction.score(rightAnswer(interaction));
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

	static Response rightAnswer(Interaction interaction) {
		return switch (interaction) {
			case SingleChoice s -> choice(s.options());
			case MultipleChoice m -> choice(m.options());
			case PickN p -> choice(p.options());
			case Scenario s -> choice(s.options());
			case Matching m -> new Response.Matching(
					m.pairs().stream().collect(Collectors.toMap(Matching.Pair::leftId, Matching.Pair::rightId)));
			case Ordering o -> new Response.Ordering(o.items().stream().map(Ordering.Item::id).toList());
			case ShortText t -> new Response.Text(t.acceptedAnswers().getFirst());
			case ApplicationExercise e -> new Response.Text("My own answer.");
		};
	}

	private static Response choice(List<Option> options) {
		return new Response.Choice(options.stream().filter(Option::correct).map(Option::id).collect(Collectors.toSet()));
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
