package io.morsel.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Topic boundaries by lexical cohesion, and the lesson length limits every cut keeps to. */
class TextTilingTests {

	static final TextTiling.Settings LESSONS = TextTiling.Settings.lessons(2 * 60_000, 7 * 60_000);

	@Test
	void cutsWhereTheVocabularyChanges() {
		var random = new Random(18);
		var sentences = new ArrayList<TextTiling.Sentence>();
		add(sentences, random, List.of("grind", "burr", "bean", "roast", "size", "coars", "fine"), 40, 10_000);
		add(sentences, random, List.of("invoic", "client", "payment", "term", "due", "remind", "deposit"), 40, 10_000);

		var tiling = TextTiling.tile(sentences, LESSONS);

		assertThat(tiling.starts()).containsExactly(0, 40);
		assertThat(tiling.depth()[40]).isGreaterThan(tiling.threshold());
	}

	@Test
	void keepsOneTopicWholeWhileItFitsALesson() {
		var random = new Random(7);
		var sentences = new ArrayList<TextTiling.Sentence>();
		add(sentences, random, List.of("ticket", "triag", "prioriti", "queue", "tag", "categori"), 36, 10_000);

		assertThat(TextTiling.tile(sentences, LESSONS).starts()).containsExactly(0);
	}

	@Test
	void everySegmentLastsFromTwoToSevenMinutesWhateverTheTopics() {
		var random = new Random(42);
		var vocabularies = List.of(List.of("a1", "a2", "a3", "a4", "a5"), List.of("b1", "b2", "b3", "b4", "b5"),
				List.of("c1", "c2", "c3", "c4", "c5"), List.of("d1", "d2", "d3", "d4", "d5"));
		for (var run = 0; run < 200; run++) {
			var sentences = new ArrayList<TextTiling.Sentence>();
			var topics = 1 + random.nextInt(12);
			for (var t = 0; t < topics; t++) {
				add(sentences, random, vocabularies.get(random.nextInt(vocabularies.size())), 3 + random.nextInt(80),
						2_000 + random.nextInt(20_000));
			}
			var starts = TextTiling.tile(sentences, LESSONS).starts();

			assertThat(starts.getFirst()).isZero();
			var total = sentences.getLast().endMillis();
			for (var s = 0; s < starts.size(); s++) {
				var first = starts.get(s);
				var end = s + 1 < starts.size() ? starts.get(s + 1) : sentences.size();
				var length = sentences.get(end - 1).endMillis() - sentences.get(first).startMillis();
				assertThat(length).as("run %d, segment %d", run, s).isLessThanOrEqualTo(LESSONS.maxMillis());
				if (total >= 2 * LESSONS.minMillis() && starts.size() > 1) {
					assertThat(length).as("run %d, segment %d", run, s).isGreaterThanOrEqualTo(LESSONS.minMillis());
				}
			}
		}
	}

	@Test
	void aSentenceLongerThanALessonStandsAlone() {
		var sentences = List.of(new TextTiling.Sentence(List.of("one"), 0, 10_000),
				new TextTiling.Sentence(List.of("two"), 10_000, 10_000 + 8 * 60_000),
				new TextTiling.Sentence(List.of("three"), 10_000 + 8 * 60_000, 20_000 + 8 * 60_000));

		assertThat(TextTiling.tile(sentences, LESSONS).starts()).containsExactly(0, 1, 2);
	}

	/** Sentences of six to twelve words drawn from one topic's words, each lasting the given time. */
	private static void add(List<TextTiling.Sentence> sentences, Random random, List<String> words, int count,
			int millis) {
		var at = sentences.isEmpty() ? 0 : sentences.getLast().endMillis();
		for (var i = 0; i < count; i++) {
			var terms = new ArrayList<String>();
			for (var w = 6 + random.nextInt(7); w > 0; w--) {
				terms.add(words.get(random.nextInt(words.size())));
			}
			sentences.add(new TextTiling.Sentence(terms, at, at + millis));
			at += millis;
		}
	}
}
