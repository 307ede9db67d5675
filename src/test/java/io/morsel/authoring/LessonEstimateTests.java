package io.morsel.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.catalog.Block;
import io.morsel.catalog.LessonContent;
import io.morsel.catalog.MediaRange;
import io.morsel.catalog.Objective;
import io.morsel.catalog.Option;
import io.morsel.catalog.SingleChoice;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How long a lesson takes, from its text, its media and its questions; and how long stored media play. */
class LessonEstimateTests {

	private static final String TRANSCRIPT = """
			WEBVTT

			00:00:00.000 --> 00:00:04.000
			Every launch deal carries its campaign tag.

			00:01:20.000 --> 00:01:30.500
			That is how the report finds it.
			""";

	@Test
	void textIsReadAtTwoHundredWordsAMinute() {
		var estimate = LessonEstimate.of(lesson(new Block.Text("word ".repeat(400))), none());

		assertThat(estimate.readingSeconds()).isEqualTo(120);
		assertThat(estimate.minutes()).isEqualTo(2);
	}

	@Test
	void aQuestionTakesTheTimeItsKindAsksFor() {
		var estimate = LessonEstimate.of(lesson(new Block.Text("Tags."), question()), none());

		assertThat(estimate.interactionSeconds()).isEqualTo(30);
		assertThat(estimate.readingSeconds()).isEqualTo(1);
	}

	@Test
	void mediaPlayAsLongAsTheirFileSaysElseTheirTranscriptRuns() {
		var video = new Block.Video("11111111-1111-1111-1111-111111111111", null, "Tags", TRANSCRIPT);
		var linked = new Block.Video(null, "https://vimeo.com/76979871", "Tags", TRANSCRIPT);

		var timedByFile = LessonEstimate.of(lesson(video), Map.of(video.media(), OptionalLong.of(300))::get);
		var timedByTranscript = LessonEstimate.of(lesson(video), none());
		var linkedVideo = LessonEstimate.of(lesson(linked), none());

		assertThat(timedByFile.mediaSeconds()).isEqualTo(300);
		assertThat(timedByTranscript.mediaSeconds()).isEqualTo(91);
		assertThat(linkedVideo.mediaSeconds()).isEqualTo(91);
	}

	@Test
	void overSevenMinutesWarnsAndOverTheLimitIsOver() {
		var seven = LessonEstimate.of(lesson(new Block.Text("word ".repeat(1400))), none());
		var justOver = LessonEstimate.of(lesson(new Block.Text("word ".repeat(1401))), none());

		assertThat(seven.overWarning()).isFalse();
		assertThat(justOver.overWarning()).isTrue();
		assertThat(justOver.minutes()).isEqualTo(8);
		assertThat(justOver.over(10)).isFalse();
		assertThat(LessonEstimate.of(lesson(new Block.Text("word ".repeat(2001))), none()).over(10)).isTrue();
	}

	@Test
	void theLinterWarnsOfALessonEstimatedOverSevenMinutesEvenWhenDeclaredShorter() {
		var linter = new ObjectiveLinter();
		var long_ = new LessonContent("Tags", new Objective("Tag a deal with its campaign."), 5, List.of(),
				List.of(new Block.Text("word ".repeat(2500)), question()));

		var warnings = linter.warnings(long_);

		assertThat(warnings).containsExactly(LessonWarning.DURATION, LessonWarning.OVER_LIMIT);
		assertThat(linter.blockers(long_, LessonEstimate.of(long_, none()), AuthoringPolicy.DEFAULT))
			.containsExactly(LessonWarning.OVER_LIMIT);
		assertThat(linter.blockers(long_, LessonEstimate.of(long_, none()), new AuthoringPolicy(false, 15, 12))).isEmpty();
	}

	@Test
	void anMp4PlaysForItsMovieHeadersDurationOverItsTimescale(@TempDir Path dir) throws IOException {
		var file = dir.resolve("clip.mp4");
		Files.write(file, mp4(1000, 95_500));

		assertThat(MediaDurations.mp4(file)).hasValue(96);
	}

	@Test
	void aWavPlaysForItsDataOverItsBytesPerSecond(@TempDir Path dir) throws IOException {
		var file = dir.resolve("clip.wav");
		Files.write(file, wav(16_000, 16_000 * 2 * 42));

		assertThat(MediaDurations.wav(file)).hasValue(42);
	}

	@Test
	void anOggOpusFilePlaysForItsLastGranulePositionAt48kHz() throws Exception {
		// ffprobe: tiny.ogg 0.2065 s, the demo's coach tip 13.776 s.
		assertThat(MediaDurations.ogg(Path.of(getClass().getResource("/media/tiny.ogg").toURI()))).hasValue(1);
		assertThat(MediaDurations.ogg(Path.of(getClass().getResource("/demo/media/coach-tip.ogg").toURI())))
			.hasValue(14);
	}

	@Test
	void aBlockThatPlaysPartOfItsFileTakesAsLongAsThatPart() {
		var audio = new Block.Audio("11111111-1111-1111-1111-111111111111", "Tags", TRANSCRIPT,
				new MediaRange(120, 300.5));

		var estimate = LessonEstimate.of(lesson(audio), Map.of(audio.media(), OptionalLong.of(1200))::get);

		assertThat(estimate.mediaSeconds()).isEqualTo(181);
	}

	@Test
	void aFileThatIsNoneOfTheseHasNoDuration(@TempDir Path dir) throws IOException {
		var file = dir.resolve("clip.bin");
		Files.writeString(file, "not a movie at all");

		assertThat(MediaDurations.mp4(file)).isEmpty();
		assertThat(MediaDurations.wav(file)).isEmpty();
		assertThat(MediaDurations.ogg(file)).isEmpty();
	}

	private static Function<String, OptionalLong> none() {
		return media -> OptionalLong.empty();
	}

	private static Block.Question question() {
		return new Block.Question(new SingleChoice("q", "Which tag?",
				List.of(new Option("a", "Campaign", true, null), new Option("b", "None", false, null)), true, null));
	}

	private static LessonContent lesson(Block... blocks) {
		return new LessonContent("Tags", new Objective("Tag a deal with its campaign."), 5, List.of(), List.of(blocks));
	}

	/** An ftyp box, then a moov box holding a version-0 mvhd. */
	private static byte[] mp4(int timescale, int duration) throws IOException {
		var out = new ByteArrayOutputStream();
		out.write(box("ftyp", "isom\0\0\0\0isommp41".getBytes(StandardCharsets.ISO_8859_1)));
		var mvhd = ByteBuffer.allocate(100);
		mvhd.putInt(0); // version 0, no flags
		mvhd.putInt(0).putInt(0); // created, modified
		mvhd.putInt(timescale).putInt(duration);
		out.write(box("moov", box("mvhd", mvhd.array())));
		return out.toByteArray();
	}

	private static byte[] box(String type, byte[] body) {
		return ByteBuffer.allocate(8 + body.length)
			.putInt(8 + body.length)
			.put(type.getBytes(StandardCharsets.ISO_8859_1))
			.put(body)
			.array();
	}

	private static byte[] wav(int sampleRate, int dataBytes) {
		var wav = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
		wav.put("RIFF".getBytes(StandardCharsets.ISO_8859_1)).putInt(36 + dataBytes);
		wav.put("WAVE".getBytes(StandardCharsets.ISO_8859_1));
		wav.put("fmt ".getBytes(StandardCharsets.ISO_8859_1)).putInt(16);
		wav.putShort((short) 1).putShort((short) 1).putInt(sampleRate).putInt(sampleRate * 2);
		wav.putShort((short) 2).putShort((short) 16);
		wav.put("data".getBytes(StandardCharsets.ISO_8859_1)).putInt(dataBytes);
		return wav.array();
	}
}
