package io.morsel.search;

import io.morsel.catalog.Block;
import io.morsel.catalog.LessonContent;
import io.morsel.catalog.LessonId;
import io.morsel.catalog.LessonVersion;
import io.morsel.catalog.Objective;
import io.morsel.catalog.Option;
import io.morsel.catalog.SingleChoice;
import io.morsel.identity.OrganisationId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Search's own index without the application (bench/search/run): builds it from generated lessons with transcripts,
 * lexically and with sentence vectors, and measures build time, passages embedded per second, index size, and query
 * latency p50/p99 with concurrent searchers, directly against Lucene through {@link Search}.
 *
 * <p>Arguments: lexical lessons (100,000), hybrid lessons (10,000), searcher threads (4), seconds per measurement
 * (30). Every lesson has a title, an objective, two paragraphs, a three-minute transcript of 18 cues (six windows) and
 * a question: 24 passages, 12 of them embedded. Embedding runs without the application's pauses, one passage at a time:
 * the build measures the model's own rate on one thread.
 */
public class SearchIndexBenchmark {

	private static final String[] WORDS = ("report dashboard forecast pipeline discount margin customer renewal "
			+ "onboarding objective lesson question feedback transcript webinar region revenue quota territory "
			+ "invoice contract approval manager schedule weekly monthly quarter filter chart table column row "
			+ "import export spreadsheet share access role permission billing seat plan trial upgrade churn "
			+ "retention handover success deal partner reseller commission objection accuracy demo discovery "
			+ "prospect profile segment campaign email reminder calendar meeting agenda summary decision risk "
			+ "budget cost price value benefit feature release roadmap sprint backlog ticket incident outage "
			+ "security password login token audit policy compliance privacy consent data source connector "
			+ "sync refresh cache latency error warning alert threshold metric target goal skill practice review")
		.split(" ");

	private static final String[] QUERIES = { "weekly revenue report", "how do I share a dashboard",
			"discount approval for partners", "customer says the forecast is wrong", "import a spreadsheet",
			"who can change billing", "renewal risk before the quarter ends", "alert when latency is high",
			"what to ask a prospect first", "turn a webinar into lessons", "reset my password",
			"commission from resellers" };

	public static void main(String[] args) throws Exception {
		var lexical = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		var hybrid = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
		var threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
		var seconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
		var organisation = new OrganisationId(UUID.randomUUID());
		var lexicalOnly = new Embeddings(false, 0);

		System.out.printf("lexical, %,d lessons%n", lexical);
		var index = build(organisation, lexical, lexicalOnly);
		measure(new Search(index.index(), noSynonyms(), lexicalOnly), organisation, false, threads, seconds);
		index.close();

		if (hybrid > 0) {
			var model = new Embeddings(true, 0);
			model.start();
			var started = System.nanoTime();
			while (!model.ready()) {
				Thread.sleep(100);
			}
			System.out.printf("%nmodel loaded in %,d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
			System.out.printf("lexical at %,d lessons, for comparison%n", hybrid);
			var small = build(organisation, hybrid, lexicalOnly);
			measure(new Search(small.index(), noSynonyms(), lexicalOnly), organisation, false, threads, seconds);
			small.close();
			System.out.printf("%nhybrid, %,d lessons%n", hybrid);
			var withVectors = build(organisation, hybrid, model);
			measure(new Search(withVectors.index(), noSynonyms(), model), organisation, true, threads, seconds);
			withVectors.close();
		}
		System.exit(0);
	}

	/** The organisation has no synonyms here: the benchmark reads no database. */
	private static Synonyms noSynonyms() {
		return new Synonyms(null) {

			@Override
			public List<String> of(OrganisationId organisation) {
				return List.of();
			}
		};
	}

	private record Built(SearchIndex index, Path folder) {

		void close() throws IOException {
			index.destroy();
			try (Stream<Path> files = Files.walk(folder)) {
				files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
			}
		}
	}

	private static Built build(OrganisationId organisation, int lessons, Embeddings embeddings) throws IOException {
		var folder = Files.createTempDirectory("morsel-search-bench");
		var index = new SearchIndex(folder);
		var random = new Random(17);
		var embedded = 0L;
		var started = System.nanoTime();
		for (int i = 0; i < lessons; i++) {
			var version = lesson(organisation, random, i);
			var built = LessonDocuments.of(version, List.of("Program " + (i % 50)), LessonDocuments.ImageText.NONE,
					embeddings::embedAll);
			if (built.vectors()) {
				embedded += built.documents().stream().filter(d -> d.getField(LessonDocuments.MEANING) != null).count();
			}
			index.replaceLesson(version.lessonId().toString(), built.documents());
		}
		index.commit(1, embeddings.ready());
		var millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
		long bytes;
		try (Stream<Path> files = Files.walk(folder)) {
			bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
		}
		System.out.printf("build: %,d ms, %,d documents, index %,.1f MB%n", millis, index.documents(), bytes / 1e6);
		if (embedded > 0) {
			System.out.printf("passages embedded: %,d, %,.0f a second%n", embedded, embedded * 1000.0 / millis);
		}
		return new Built(index, folder);
	}

	private static LessonVersion lesson(OrganisationId organisation, Random random, int n) {
		var cues = new StringBuilder("WEBVTT\n\n");
		for (int c = 0; c < 18; c++) {
			cues.append(time(c * 10)).append(" --> ").append(time(c * 10 + 9)).append('\n').append(sentence(random, 14))
				.append("\n\n");
		}
		var question = new SingleChoice("check", sentence(random, 10) + "?",
				List.of(new Option("a", sentence(random, 4), true, sentence(random, 8)),
						new Option("b", sentence(random, 4), false, sentence(random, 8))),
				true, sentence(random, 12));
		var blocks = List.<Block>of(new Block.Text(sentence(random, 40) + "\n\n" + sentence(random, 40)),
				new Block.Video(null, "https://vimeo.com/" + (1000 + n), "Video " + n, cues.toString()),
				new Block.Question(question));
		var content = new LessonContent(capitalised(sentence(random, 5)) + " " + n,
				new Objective("Explain " + sentence(random, 8) + "."), 2 + random.nextInt(6),
				List.of("Skill " + random.nextInt(40)), blocks);
		return new LessonVersion(new LessonId(UUID.randomUUID()), 1, organisation, content, Instant.now(), Instant.now());
	}

	/** Words drawn with a skew, as in real text: a few common, many rare. */
	private static String sentence(Random random, int words) {
		var text = new ArrayList<String>();
		for (int w = 0; w < words; w++) {
			text.add(WORDS[(int) (Math.pow(random.nextDouble(), 2) * WORDS.length)]);
		}
		return String.join(" ", text);
	}

	private static String capitalised(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	private static String time(int seconds) {
		return String.format("00:%02d:%02d.000", seconds / 60, seconds % 60);
	}

	/** Searchers in a loop for the given time after as long a warm-up; latency of each search, p50 and p99. */
	private static void measure(Search search, OrganisationId organisation, boolean byMeaning, int threads,
			int seconds) throws InterruptedException {
		run(search, organisation, byMeaning, threads, seconds, new long[1 << 20], new AtomicLong());
		var latencies = new long[1 << 22];
		var count = new AtomicLong();
		run(search, organisation, byMeaning, threads, seconds, latencies, count);
		var n = (int) Math.min(count.get(), latencies.length);
		var sorted = Arrays.copyOf(latencies, n);
		Arrays.sort(sorted);
		System.out.printf("queries (%d threads, %d s): %,.0f a second, p50 %.2f ms, p99 %.2f ms%n", threads, seconds,
				count.get() / (double) seconds, sorted[n / 2] / 1e6, sorted[(int) (n * 0.99)] / 1e6);
	}

	private static void run(Search search, OrganisationId organisation, boolean byMeaning, int threads, int seconds,
			long[] latencies, AtomicLong count) throws InterruptedException {
		var until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		var pool = Executors.newFixedThreadPool(threads);
		for (int t = 0; t < threads; t++) {
			var thread = t;
			pool.execute(() -> {
				int q = thread;
				while (System.nanoTime() < until) {
					var started = System.nanoTime();
					search.find(organisation, new SearchRequest(QUERIES[q++ % QUERIES.length], null, null, null, 10, 0),
							byMeaning);
					var at = count.getAndIncrement();
					if (at < latencies.length) {
						latencies[(int) at] = System.nanoTime() - started;
					}
				}
			});
		}
		pool.shutdown();
		pool.awaitTermination(seconds + 60, TimeUnit.SECONDS);
	}
}
