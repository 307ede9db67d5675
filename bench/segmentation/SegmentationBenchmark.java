package bench.segmentation;

import io.morsel.authoring.ObjectiveLinter;
import io.morsel.authoring.Segmentation;
import io.morsel.authoring.TranscriptFormat;
import io.morsel.authoring.TranscriptSegmenter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Segmenting a two-hour WebVTT transcript, from its text to the proposed lessons (read, sentences, parts of speech,
 * TextTiling, titles and objectives linted), as {@code POST /api/v1/segmentations} does. The transcript is made of the
 * test set's paragraphs (src/test/resources/authoring/segmentation, our own writing) in a seeded shuffled order, cut
 * into captions of about twelve words, said at 150 words a minute, until two hours are reached.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SegmentationBenchmark {

	static final long TWO_HOURS = 2 * 60 * 60 * 1000L;

	String transcript;
	TranscriptSegmenter segmenter;

	@Setup
	public void setUp() throws IOException {
		transcript = twoHours(Path.of(System.getProperty("segmentation.texts", "src/test/resources/authoring/segmentation")));
		segmenter = new TranscriptSegmenter(new ObjectiveLinter());
		var lessons = segment().segments().size();
		System.out.printf("%n%d characters of WebVTT, %d lessons proposed%n", transcript.length(), lessons);
	}

	@Benchmark
	public Segmentation segment() {
		return segmenter.propose(TranscriptFormat.WEBVTT.read(transcript), 7 * 60_000L);
	}

	static String twoHours(Path folder) throws IOException {
		var paragraphs = new ArrayList<String>();
		try (var files = Files.list(folder)) {
			for (var file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
				for (var paragraph : Files.readString(file).split("\n\n")) {
					if (!paragraph.isBlank() && !paragraph.startsWith("#") && !paragraph.strip().equals("---")) {
						paragraphs.add(paragraph.strip().replace('\n', ' '));
					}
				}
			}
		}
		var random = new Random(18);
		var vtt = new StringBuilder("WEBVTT\n");
		var at = 0L;
		while (at < TWO_HOURS) {
			var round = new ArrayList<>(paragraphs);
			Collections.shuffle(round, random);
			for (var paragraph : round) {
				List<String> words = List.of(paragraph.split("\\s+"));
				for (var from = 0; from < words.size() && at < TWO_HOURS; from += 12) {
					var caption = words.subList(from, Math.min(words.size(), from + 12));
					var end = at + caption.size() * 400L;
					vtt.append('\n').append(timestamp(at)).append(" --> ").append(timestamp(end)).append('\n')
						.append(String.join(" ", caption)).append('\n');
					at = end;
				}
			}
		}
		return vtt.toString();
	}

	private static String timestamp(long millis) {
		return "%02d:%02d:%02d.%03d".formatted(millis / 3_600_000, millis / 60_000 % 60, millis / 1000 % 60, millis % 1000);
	}
}
