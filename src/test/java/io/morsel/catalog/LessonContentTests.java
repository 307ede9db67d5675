package io.morsel.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The lesson format: every block and interaction type reads and writes back unchanged, and bad content is refused. */
class LessonContentTests {

	private final JsonMapper json = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	@Test
	void everyBlockAndInteractionTypeRoundTripsUnchanged() throws IOException {
		var original = read("/catalog/every-block.json");
		var lesson = json.readValue(original, LessonContent.class);

		assertThat(lesson.blocks()).hasSize(13);
		assertThat(lesson.interactions()).extracting(Interaction::getClass)
			.containsExactly(SingleChoice.class, MultipleChoice.class, PickN.class, Matching.class, Ordering.class,
					ShortText.class, Scenario.class, ApplicationExercise.class);
		var written = json.writeValueAsString(lesson);
		assertThat(json.readTree(written)).isEqualTo(json.readTree(original));
		assertThat(json.readValue(written, LessonContent.class)).isEqualTo(lesson);
	}

	@Test
	void rejectsAnObjectiveOfTwoSentences() {
		assertThatThrownBy(() -> new Objective("Create a report. Share it with the team."))
			.hasMessageContaining("one sentence");
		assertThatThrownBy(() -> new Objective("  ")).hasMessageContaining("objective");
		assertThat(new Objective("Create a report in Acme v2.1 within five minutes.").text()).startsWith("Create");
	}

	@Test
	void rejectsAnImageWithoutAlternativeText() {
		assertThatThrownBy(() -> new Block.Image("m", " ", null)).hasMessageContaining("alternative text");
	}

	@Test
	void rejectsMalformedTranscripts() {
		assertThatThrownBy(() -> new Block.Audio("m", "Tip", "00:00.000 --> 00:01.000\nHi")).hasMessageContaining("WEBVTT");
		assertThatThrownBy(() -> new Block.Audio("m", "Tip", "WEBVTT\n\n00:00 --> 00:01.000\nHi"))
			.hasMessageContaining("Malformed cue timing");
		assertThat(Transcripts.cues("WEBVTT\n\n01:02:03.004 --> 01:02:05.000 align:start\n<v Ana>Hello</v>\nthere\n"))
			.containsExactly(new Transcripts.Cue(3_723_004, 3_725_000, "Hello there"));
	}

	@Test
	void aMediaRangeStartsBeforeItEndsWithinADayAndPlaysAsAMediaFragment() {
		assertThat(new MediaRange(75.5, 300).fragment()).isEqualTo("#t=75.5,300");
		assertThat(new MediaRange(0, 0.001).fragment()).isEqualTo("#t=0,0.001");
		assertThatThrownBy(() -> new MediaRange(30, 20)).hasMessage(
				"A media range starts before it ends: it starts at 30 s and ends at 20 s");
		assertThatThrownBy(() -> new MediaRange(20, 20)).hasMessageContaining("starts before it ends");
		assertThatThrownBy(() -> new MediaRange(-1, 20)).hasMessageContaining("from 0 to 86400 seconds");
		assertThatThrownBy(() -> new MediaRange(0, Double.NaN)).hasMessageContaining("from 0 to 86400 seconds");
		assertThat(new MediaRange(60, 120).overlaps(119_000, 125_000)).isTrue();
		assertThat(new MediaRange(60, 120).overlaps(120_000, 125_000)).isFalse();
		assertThat(new MediaRange(60, 120).overlaps(50_000, 60_000)).isFalse();
	}

	@Test
	void rejectsTwoInteractionsWithTheSameId() {
		var question = new Block.Question(new ApplicationExercise("same", "Do it.", null));
		assertThatThrownBy(() -> new LessonContent("T", new Objective("Do one thing."), 3, List.of(),
				List.of(question, question)))
			.hasMessageContaining("'same' appears twice");
	}

	private static String read(String resource) throws IOException {
		try (var in = LessonContentTests.class.getResourceAsStream(resource)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}
}
