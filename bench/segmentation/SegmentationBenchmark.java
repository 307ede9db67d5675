package bench.segmentation;

import com.sun.management.OperatingSystemMXBean;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.morsel.authoring.BatchedMiniLm;
import io.morsel.authoring.EmbeddingCuts;
import io.morsel.authoring.ObjectiveLinter;
import io.morsel.authoring.Segmentation;
import io.morsel.authoring.SpokenSentence;
import io.morsel.authoring.Transcript;
import io.morsel.authoring.TranscriptFormat;
import io.morsel.authoring.TranscriptSegmenter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
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
 *
 * <p>{@link #segmentWithEmbeddings()} times the same cut made from sentence embeddings instead of shared words, as
 * issue 18 allows (under 5 s asked): Morsel's sentences, each embedded by the quantized all-MiniLM-L6-v2 model the
 * search module runs in process (all cores, as the model's default), the cosine between the mean vectors of the five
 * sentences before and after each gap, each lesson ended at the least similar gap between two and seven minutes on,
 * and the lessons titled and linted as before. Morsel does not cut this way (ADR 0024): this measures what it would
 * cost, the embedding of every sentence being nearly all of it.
 *
 * <p>{@link #segmentWithEmbeddingsNearCuts()} embeds only what decides: the lexical cut first, then each cut moved by
 * the embeddings of the sentences around it ({@code io.morsel.authoring.EmbeddingCuts} in the tests, whose quality
 * {@code EmbeddingCutsQualityTests} measures), so the sentences embedded follow the number of lessons, not the hours.
 * The set-up prints the CPU time of each way beside its wall time, since the model runs on every core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SegmentationBenchmark {

	static final long TWO_HOURS = 2 * 60 * 60 * 1000L;

	static final int WINDOW = 5;

	String transcript;
	TranscriptSegmenter segmenter;
	EmbeddingModel model;
	EmbeddingCuts cuts;
	BatchedMiniLm batched;
	EmbeddingCuts batchedCuts;

	@Setup
	public void setUp() throws Exception {
		transcript = twoHours(Path.of(System.getProperty("segmentation.texts", "src/test/resources/authoring/segmentation")));
		segmenter = new TranscriptSegmenter(new ObjectiveLinter());
		model = new AllMiniLmL6V2QuantizedEmbeddingModel();
		cuts = new EmbeddingCuts(EmbeddingCuts.Embedder.of(model));
		batched = new BatchedMiniLm(Runtime.getRuntime().availableProcessors());
		batchedCuts = new EmbeddingCuts(batched);
		var lexical = segment();
		System.out.printf("%n%d characters of WebVTT, %d sentences, %d lessons proposed by words, %d by embeddings"
				+ " near the cuts (%d sentences embedded)%n", transcript.length(), lexical.sentences().size(),
				lexical.segments().size(), segmentWithEmbeddingsNearCuts().segments().size(),
				cuts.place(lexical.sentences(), lexical.starts(), TranscriptSegmenter.MIN_MILLIS, 7 * 60_000L).embedded());
	}

	/**
	 * Wall and CPU time of each way, outside JMH (bench/segmentation/run with {@code CPU=1}): the model runs on every
	 * core, so its wall time hides what it takes from the other requests. One warm-up run, then three.
	 */
	public static void main(String[] args) throws Exception {
		var bench = new SegmentationBenchmark();
		bench.setUp();
		var ways = new LinkedHashMap<String, Supplier<Segmentation>>();
		ways.put("words", bench::segment);
		ways.put("embeddings near the cuts (embedAll)", bench::segmentWithEmbeddingsNearCuts);
		ways.put("embeddings near the cuts (batched)", bench::segmentWithBatchedEmbeddingsNearCuts);
		ways.put("every sentence embedded (batched)", bench::segmentWithBatchedEmbeddings);
		ways.put("every sentence embedded (embedAll)", bench::segmentWithEmbeddings);
		var cpu = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		for (var way : ways.entrySet()) {
			way.getValue().get();
			var cpuBefore = cpu.getProcessCpuTime();
			var wallBefore = System.nanoTime();
			for (var i = 0; i < 3; i++) {
				way.getValue().get();
			}
			System.out.printf("%-36s %6d ms wall, %6d ms CPU (every thread of the process), per run%n", way.getKey(),
					(System.nanoTime() - wallBefore) / 3_000_000, (cpu.getProcessCpuTime() - cpuBefore) / 3_000_000);
		}
		bench.batched.close();
	}

	@Benchmark
	public Segmentation segment() {
		return segmenter.propose(TranscriptFormat.WEBVTT.read(transcript), 7 * 60_000L);
	}

	@Benchmark
	public Segmentation segmentWithEmbeddingsNearCuts() {
		Transcript read = TranscriptFormat.WEBVTT.read(transcript);
		var lexical = segmenter.propose(read, 7 * 60_000L);
		var placed = cuts.place(lexical.sentences(), lexical.starts(), TranscriptSegmenter.MIN_MILLIS, 7 * 60_000L);
		return segmenter.cut(read, placed.starts());
	}

	@Benchmark
	public Segmentation segmentWithBatchedEmbeddingsNearCuts() {
		Transcript read = TranscriptFormat.WEBVTT.read(transcript);
		var lexical = segmenter.propose(read, 7 * 60_000L);
		var placed = batchedCuts.place(lexical.sentences(), lexical.starts(), TranscriptSegmenter.MIN_MILLIS,
				7 * 60_000L);
		return segmenter.cut(read, placed.starts());
	}

	/** Every sentence embedded as {@link #segmentWithEmbeddings()} does, in padded batches of like length. */
	@Benchmark
	public Segmentation segmentWithBatchedEmbeddings() {
		return segmentWithEvery(texts -> batched.embed(texts));
	}

	@Benchmark
	public Segmentation segmentWithEmbeddings() {
		return segmentWithEvery(EmbeddingCuts.Embedder.of(model));
	}

	private Segmentation segmentWithEvery(EmbeddingCuts.Embedder embedder) {
		Transcript read = TranscriptFormat.WEBVTT.read(transcript);
		List<SpokenSentence> sentences = segmenter.cut(read, List.of(0)).sentences();
		var vectors = embedder.embed(sentences.stream().map(SpokenSentence::text).toList());
		var n = sentences.size();
		var similarity = new double[n];
		for (var gap = 1; gap < n; gap++) {
			similarity[gap] = cosine(mean(vectors, Math.max(0, gap - WINDOW), gap),
					mean(vectors, gap, Math.min(n, gap + WINDOW)));
		}
		var starts = new ArrayList<Integer>(List.of(0));
		var start = 0;
		while (true) {
			var from = sentences.get(start).startMillis();
			var best = -1;
			for (var gap = start + 1; gap < n && sentences.get(gap).startMillis() - from <= 7 * 60_000L; gap++) {
				if (sentences.get(gap).startMillis() - from >= TranscriptSegmenter.MIN_MILLIS
						&& (best < 0 || similarity[gap] < similarity[best])) {
					best = gap;
				}
			}
			if (best < 0 || sentences.get(n - 1).endMillis() - from <= 7 * 60_000L) {
				break;
			}
			starts.add(best);
			start = best;
		}
		return segmenter.cut(read, starts);
	}

	private static float[] mean(List<float[]> vectors, int from, int to) {
		var sum = new float[vectors.getFirst().length];
		for (var i = from; i < to; i++) {
			var vector = vectors.get(i);
			for (var d = 0; d < sum.length; d++) {
				sum[d] += vector[d];
			}
		}
		return sum;
	}

	private static double cosine(float[] a, float[] b) {
		double dot = 0, na = 0, nb = 0;
		for (var d = 0; d < a.length; d++) {
			dot += a[d] * b[d];
			na += a[d] * a[d];
			nb += b[d] * b[d];
		}
		return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
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
