package io.morsel.search;

import io.morsel.identity.OrganisationId;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.jspecify.annotations.Nullable;

/**
 * The in-process half of bench/search/run: on the very index the application built and served (its folder, once the
 * application has stopped), the same queries with as many concurrent searchers, measured at two depths:
 *
 * <ul>
 * <li><b>Lucene alone</b>, the floor: one BM25 query per search on the lesson documents (each analysed word in the
 * title, objective and all the text, weighted 3, 2 and 1), filtered by organisation, the top 10 with their titles
 * read; for hybrid also the query embedded and the organisation's 200 nearest passages. No typo tolerance, phrases,
 * synonyms, fusion, snippets or facets.</li>
 * <li><b>Morsel's search in process</b>: {@link Search#find}, all a search does but HTTP: the learner's query with
 * typo tolerance and phrases, the fusion, each result's best passage and highlighted snippet, the facets.</li>
 * </ul>
 *
 * <p>{@code <index folder> <organisation id> <queries.txt> <threads> <seconds>
 * <lexical|hybrid|count|results|hybrid-results>}. Each measurement runs the given seconds after a warm-up as long;
 * {@code count} prints what the index holds and stops (it reads the last commit, also while the application holds the
 * index); {@code results} prints what each query finds lexically instead of measuring, {@code hybrid-results} what it
 * finds by words and meaning (an index with vectors).
 */
public class SearchIndexBenchmark {

	private static final Set<String> TITLE = Set.of(LessonDocuments.TITLE);

	public static void main(String[] args) throws Exception {
		var folder = Path.of(args[0]);
		var organisation = new OrganisationId(UUID.fromString(args[1]));
		var queries = Files.readAllLines(Path.of(args[2])).stream().filter(q -> !q.isBlank()).toList();
		var threads = Integer.parseInt(args[3]);
		var seconds = Integer.parseInt(args[4]);
		var hybrid = args[5].startsWith("hybrid");
		var countOnly = "count".equals(args[5]);

		var embeddings = GeneratedIndex.embeddings(hybrid);
		try (var directory = FSDirectory.open(folder); var reader = DirectoryReader.open(directory)) {
			var searcher = new IndexSearcher(reader);
			System.out.printf("index: %,d documents, %,d lessons, %,d passages with vectors, %,.1f MB on disk%n",
					reader.numDocs(),
					searcher.count(new TermQuery(new Term(LessonDocuments.TYPE, LessonDocuments.LESSON_DOC))),
					searcher.count(new FieldExistsQuery(LessonDocuments.MEANING)), size(folder) / 1e6);
			if (countOnly) {
				System.exit(0);
			}
			if (!args[5].endsWith("results")) {
				measure("Lucene alone", threads, seconds, queries,
						query -> lucene(searcher, organisation, query, hybrid ? embeddings : null));
			}
		}
		var index = new SearchIndex(folder);
		// Searches here are the organisation's, never a member's: no one's sight is asked.
		var search = new Search(index, noSynonyms(), embeddings, null, null);
		if (args[5].endsWith("results")) {
			printResults(search, organisation, queries, hybrid);
			index.destroy();
			System.exit(0);
		}
		measure("Morsel search in process", threads, seconds, queries,
				query -> search.find(organisation, new SearchRequest(query, null, null, null, 10, 0), hybrid));
		index.destroy();
		System.exit(0);
	}

	/**
	 * What each query finds, lexically or by words and meaning, in any content and in transcripts: the total, the facets
	 * and the page with its scores, links and snippets, one line each, to compare two commits' searches on the same
	 * index with diff.
	 */
	private static void printResults(Search search, OrganisationId organisation, List<String> queries,
			boolean hybrid) {
		for (var query : queries) {
			for (var type : new ContentKind[] { null, ContentKind.TRANSCRIPT }) {
				var found = search.find(organisation, new SearchRequest(query, null, null, type, 10, 0), hybrid);
				System.out.println(query + " | " + type + " | " + found.total() + " | " + found.facets() + " | "
						+ found.results().stream().map(r -> r.lessonId() + " " + r.kind() + " " + r.score() + " " + r.link() + " " + r.snippet())
							.toList());
			}
		}
	}

	private static void lucene(IndexSearcher searcher, OrganisationId organisation, String text,
			@Nullable Embeddings embeddings) throws IOException {
		var words = new BooleanQuery.Builder();
		try (var tokens = SearchIndex.ANALYZER.tokenStream(LessonDocuments.ALL, text)) {
			var term = tokens.addAttribute(CharTermAttribute.class);
			tokens.reset();
			while (tokens.incrementToken()) {
				var word = term.toString();
				words.add(new BoostQuery(new TermQuery(new Term(LessonDocuments.TITLE, word)), 3), Occur.SHOULD);
				words.add(new BoostQuery(new TermQuery(new Term(LessonDocuments.OBJECTIVE, word)), 2), Occur.SHOULD);
				words.add(new TermQuery(new Term(LessonDocuments.ALL, word)), Occur.SHOULD);
			}
			tokens.end();
		}
		var org = new TermQuery(new Term(LessonDocuments.ORGANISATION, organisation.value().toString()));
		var query = new BooleanQuery.Builder().add(words.build(), Occur.MUST)
			.add(new TermQuery(new Term(LessonDocuments.TYPE, LessonDocuments.LESSON_DOC)), Occur.FILTER)
			.add(org, Occur.FILTER)
			.build();
		var top = searcher.search(query, 10);
		var stored = searcher.storedFields();
		for (var hit : top.scoreDocs) {
			stored.document(hit.doc, TITLE);
		}
		if (embeddings != null) {
			var vector = embeddings.embed(text).orElseThrow();
			var passages = new BooleanQuery.Builder()
				.add(new TermQuery(new Term(LessonDocuments.TYPE, LessonDocuments.PASSAGE_DOC)), Occur.FILTER)
				.add(org, Occur.FILTER)
				.build();
			searcher.search(new KnnFloatVectorQuery(LessonDocuments.MEANING, vector, 200, passages), 200);
		}
	}

	/** One search of a query. */
	private interface Searching {

		void search(String query) throws Exception;
	}

	/** Searchers in a loop for the given time after as long a warm-up; the latency of each search, p50 and p99. */
	private static void measure(String what, int threads, int seconds, List<String> queries, Searching searching)
			throws InterruptedException {
		run(threads, seconds, queries, searching, new long[1 << 16], new AtomicLong(), new AtomicLong());
		var latencies = new long[1 << 22];
		var count = new AtomicLong();
		var cpu = new AtomicLong();
		run(threads, seconds, queries, searching, latencies, count, cpu);
		var n = (int) Math.min(count.get(), latencies.length);
		var sorted = Arrays.copyOf(latencies, n);
		Arrays.sort(sorted);
		System.out.printf("%-26s %2d searchers, %d s: %,9.0f searches/s   p50 %8.2f ms   p99 %8.2f ms   cpu %6.2f ms a search%n",
				what, threads, seconds, count.get() / (double) seconds, sorted[n / 2] / 1e6,
				sorted[(int) (n * 0.99)] / 1e6, cpu.get() / 1e6 / Math.max(1, count.get()));
	}

	/**
	 * The searchers; {@code cpu} adds up the processor time their searches took, which on a busy machine says more
	 * than their latency, most of which is then waiting for a core.
	 */
	private static void run(int threads, int seconds, List<String> queries, Searching searching, long[] latencies,
			AtomicLong count, AtomicLong cpu) throws InterruptedException {
		var clock = ManagementFactory.getThreadMXBean();
		var until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		var failures = new ArrayList<Exception>();
		var pool = Executors.newFixedThreadPool(threads);
		for (int t = 0; t < threads; t++) {
			var first = t * 7919;
			pool.execute(() -> {
				int q = first;
				while (System.nanoTime() < until) {
					var started = System.nanoTime();
					var startedCpu = clock.getCurrentThreadCpuTime();
					try {
						searching.search(queries.get(q++ % queries.size()));
						cpu.addAndGet(clock.getCurrentThreadCpuTime() - startedCpu);
					}
					catch (Exception e) {
						synchronized (failures) {
							failures.add(e);
						}
						return;
					}
					var at = count.getAndIncrement();
					if (at < latencies.length) {
						latencies[(int) at] = System.nanoTime() - started;
					}
				}
			});
		}
		pool.shutdown();
		pool.awaitTermination(seconds + 60, TimeUnit.SECONDS);
		if (!failures.isEmpty()) {
			throw new IllegalStateException("A search failed", failures.getFirst());
		}
	}

	/** The benchmark's organisation has no synonyms; they are read from the database, which this does not open. */
	private static Synonyms noSynonyms() {
		return new Synonyms(null) {

			@Override
			public List<String> of(OrganisationId organisation) {
				return List.of();
			}
		};
	}

	private static long size(Path folder) throws IOException {
		try (var files = Files.walk(folder)) {
			return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
		}
	}
}
