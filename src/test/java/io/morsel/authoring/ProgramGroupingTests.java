package io.morsel.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Where the overwhelm guard suggests grouping a long program's lessons into modules. */
class ProgramGroupingTests {

	@Test
	void aShortProgramIsOneGroup() {
		assertThat(ProgramGrouping.starts(List.of("Open a forecast", "Read its range", "Share it"))).containsExactly(0);
		assertThat(ProgramGrouping.starts(List.of())).containsExactly(0);
	}

	@Test
	void modulesStartWhereTheTopicChanges() {
		var lessons = new ArrayList<String>();
		lessons.addAll(topic("forecast", "pipeline", "quarter", 5));
		lessons.addAll(topic("pricing", "discount", "invoice", 4));
		lessons.addAll(topic("onboarding", "welcome", "customer", 5));

		assertThat(ProgramGrouping.starts(lessons)).containsExactly(0, 5, 9);
	}

	@Test
	void unrelatedLessonsAreStillCutIntoEvenModules() {
		var lessons = IntStream.range(0, 15).mapToObj(i -> "Lesson " + (char) ('a' + i)).toList();

		assertThat(ProgramGrouping.starts(lessons)).containsExactly(0, 5, 10);
	}

	@Test
	void everyModuleHoldsThreeToSevenLessonsWhateverTheWords() {
		var random = new Random(18);
		var words = List.of("forecast", "range", "deal", "price", "invoice", "welcome", "report", "chart", "team");
		for (var run = 0; run < 200; run++) {
			var n = 8 + random.nextInt(93);
			var lessons = IntStream.range(0, n)
				.mapToObj(i -> words.get(random.nextInt(words.size())) + " " + words.get(random.nextInt(words.size())))
				.toList();

			var starts = ProgramGrouping.starts(lessons);

			assertThat(starts.getFirst()).isZero();
			for (var i = 0; i < starts.size(); i++) {
				var end = i + 1 < starts.size() ? starts.get(i + 1) : n;
				assertThat(end - starts.get(i)).as("module %d of %d lessons: %s", i, n, starts).isBetween(3, 7);
			}
		}
	}

	/** Lessons of one topic: its words in every title and objective, the objective's verb shared by all topics. */
	private static List<String> topic(String a, String b, String c, int lessons) {
		return IntStream.range(0, lessons)
			.mapToObj(i -> "The " + a + " step " + i + ". Explain the " + b + " and the " + c + " of it.")
			.toList();
	}
}
