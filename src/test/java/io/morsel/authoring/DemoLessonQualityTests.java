package io.morsel.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import io.morsel.catalog.ApplicationExercise;
import io.morsel.catalog.Block;
import io.morsel.catalog.Interaction;
import io.morsel.catalog.LessonContent;
import io.morsel.catalog.Matching;
import io.morsel.catalog.MultipleChoice;
import io.morsel.catalog.Option;
import io.morsel.catalog.Ordering;
import io.morsel.catalog.PickN;
import io.morsel.catalog.Scenario;
import io.morsel.catalog.ShortText;
import io.morsel.catalog.SingleChoice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every demo lesson, Acme's and Globex's, is what the studio asks authors for: a measurable, single objective that the
 * linter lets pass, real teaching text (not a caption), a duration within the 2–7 minute budget that its stated
 * estimate agrees with, and questions that say why: an explanation on each, feedback on every option, pair and item.
 */
class DemoLessonQualityTests {

	private static final List<Path> CATALOGS = List.of(Path.of("src/main/resources/demo/lessons"),
			Path.of("src/main/resources/demo/globex/lessons"));

	/** Words of text a lesson teaches with, beside its questions: about 2 to 4.5 minutes of reading. */
	private static final int MIN_TEXT_WORDS = 350;
	private static final int MAX_TEXT_WORDS = 900;

	private static final Map<String, LessonContent> LESSONS = new TreeMap<>();

	private final ObjectiveLinter linter = new ObjectiveLinter();

	@BeforeAll
	static void read() throws IOException {
		var json = JsonMapper.builder().build();
		for (var catalog : CATALOGS) {
			try (Stream<Path> files = Files.list(catalog)) {
				for (var file : files.toList()) {
					LESSONS.put(file.toString(), json.readValue(Files.readString(file), LessonContent.class));
				}
			}
		}
		assertThat(LESSONS).hasSizeGreaterThanOrEqualTo(24 + 12);
	}

	@Test
	void everyObjectiveIsMeasurableAndSingleAndTheLinterWarnsOfNothing() {
		assertSoftly(softly -> LESSONS.forEach((file, lesson) -> {
			var check = linter.check(lesson.objective().text(), ObjectiveLinter.DEFAULT_LANGUAGE);
			softly.assertThat(check.measurable()).as(file + ": " + check).isTrue();
			softly.assertThat(check.single()).as(file + ": " + check).isTrue();
			softly.assertThat(linter.warnings(lesson, estimate(lesson), AuthoringPolicy.DEFAULT)).as(file).isEmpty();
		}));
	}

	@Test
	void everyLessonTakesTwoToSevenMinutesAsItsEstimateSays() {
		assertSoftly(softly -> LESSONS.forEach((file, lesson) -> {
			var estimate = estimate(lesson);
			softly.assertThat(estimate.seconds()).as(file).isBetween(2 * 60, LessonEstimate.WARN_ABOVE_MINUTES * 60);
			softly.assertThat(lesson.estimatedMinutes())
				.as(file + " estimated " + estimate.seconds() + " s")
				.isEqualTo(estimate.minutes());
		}));
	}

	@Test
	void everyLessonTeachesInTextNotJustInQuestions() {
		assertSoftly(softly -> LESSONS.forEach((file, lesson) -> {
			var words = lesson.blocks()
				.stream()
				.mapToInt(b -> b instanceof Block.Text text ? LessonEstimate.words(text.markdown()) : 0)
				.sum();
			softly.assertThat(words).as(file).isBetween(MIN_TEXT_WORDS, MAX_TEXT_WORDS);
		}));
	}

	@Test
	void everyQuestionExplainsAndEveryAnswerHasItsOwnFeedback() {
		assertSoftly(softly -> LESSONS.forEach((file, lesson) -> {
			for (var interaction : lesson.interactions()) {
				var where = file + " " + interaction.id();
				softly.assertThat(interaction.explanation()).as(where).isNotBlank();
				softly.assertThat(feedback(interaction)).as(where).isNotEmpty().allSatisfy(f -> assertThat(f).isNotBlank());
			}
		}));
	}

	/** The feedback of each option, pair or item; a short text answer's for a wrong answer; an exercise's model answer. */
	private static List<String> feedback(Interaction interaction) {
		var all = new ArrayList<String>();
		switch (interaction) {
			case SingleChoice s -> s.options().stream().map(Option::feedback).forEach(all::add);
			case MultipleChoice m -> m.options().stream().map(Option::feedback).forEach(all::add);
			case PickN p -> p.options().stream().map(Option::feedback).forEach(all::add);
			case Scenario s -> s.options().stream().map(Option::feedback).forEach(all::add);
			case Matching m -> m.pairs().stream().map(Matching.Pair::feedback).forEach(all::add);
			case Ordering o -> o.items().stream().map(Ordering.Item::feedback).forEach(all::add);
			case ShortText t -> all.add(t.wrongFeedback());
			case ApplicationExercise e -> all.add(e.explanation());
		}
		return all;
	}

	/** Demo media are timed by their transcripts, as the studio times files whose length it cannot read. */
	private static LessonEstimate estimate(LessonContent lesson) {
		return LessonEstimate.of(lesson, media -> OptionalLong.empty());
	}
}
