package io.morsel.search;

import io.morsel.identity.OrganisationId;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LRUQueryCache;

/**
 * The processor time of {@code Search.find} (any content, ten results) over a fixed number of searches after
 * a fixed number of warm-up searches: on a busy machine a measurement by time runs too few searches for the JIT to
 * finish, and the figure then measures the interpreter (bench/search/README.md, "Profiling a search").
 *
 * <p>{@code <index folder> <queries.txt> <warm-up searches> <measured searches> [searchers] [lexical|hybrid]}; the
 * organisation is the generated lessons' (BenchCatalog). With more than one searcher (1 by default), the searches are
 * shared out among that many threads, warm-up and measurement alike. {@code hybrid} (for an index with vectors) ranks
 * by meaning too, as a node does once its model is loaded: the warm-up embeds every query, and the measured searches
 * take their vectors from the queries' cache, as a node's repeated queries do (ADR 0025, "Query vectors kept"). It
 * prints the processor time a search (the searching threads' own, added up), its median and 99th percentile over the
 * searches, the bytes a search allocates, the collector's pauses and time during the measurement, and the counts of
 * Lucene's query cache. It opens the index for writing, as a node does: give each run its own copy
 * of the folder.
 */
public final class CpuPerSearch {

	private CpuPerSearch() {
	}

	public static void main(String[] args) throws Exception {
		var index = new SearchIndex(Path.of(args[0]));
		var queries = Files.readAllLines(Path.of(args[1])).stream().filter(q -> !q.isBlank()).toList();
		int warm = Integer.parseInt(args[2]);
		int measured = Integer.parseInt(args[3]);
		int searchers = args.length > 4 ? Integer.parseInt(args[4]) : 1;
		var hybrid = args.length > 5 && "hybrid".equals(args[5]);
		var organisation = new OrganisationId(UUID.fromString("00000000-0000-4000-8000-00000000a17e"));
		var synonyms = new Synonyms(null) {

			@Override
			public List<String> of(OrganisationId organisation) {
				return List.of();
			}
		};
		var embeddings = GeneratedIndex.embeddings(hybrid);
		var search = new Search(index, synonyms, embeddings, null, null);
		run(search, organisation, queries, warm, searchers, hybrid, new long[warm], new long[warm]);
		var collections = collections();
		var cpu = new long[measured];
		var allocated = new long[measured];
		var started = System.nanoTime();
		run(search, organisation, queries, measured, searchers, hybrid, cpu, allocated);
		var wall = System.nanoTime() - started;
		var collected = collections();
		var total = Arrays.stream(cpu).sum();
		Arrays.sort(cpu);
		System.out.printf(
				"%s: %d %s searches after %d warm-up, %d searcher(s): cpu %.2f ms a search (p50 %.2f, p99 %.2f), %.0f KB allocated a search, %d collections %d ms, wall %.1f s%n",
				args[0], measured, hybrid ? "hybrid" : "lexical", warm, searchers, total / 1e6 / measured, cpu[measured / 2] / 1e6,
				cpu[(int) (measured * 0.99)] / 1e6, Arrays.stream(allocated).sum() / 1024.0 / measured,
				collected[0] - collections[0], collected[1] - collections[1], wall / 1e9);
		// Whether Lucene's query cache keeps the filters a search repeats (the organisation's documents, the kNN filter).
		var cache = (LRUQueryCache) IndexSearcher.getDefaultQueryCache();
		System.out.printf("query cache after the searches: %d entries, %d hits, %d misses%n", cache.getCacheCount(),
				cache.getHitCount(), cache.getMissCount());
		index.destroy();
		System.exit(0);
	}

	/** Searches {@code count} of the queries in turn on {@code searchers} threads; each search's CPU and bytes. */
	private static void run(Search search, OrganisationId organisation, List<String> queries, int count,
			int searchers, boolean hybrid, long[] cpu, long[] allocated) throws InterruptedException {
		var clock = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		var next = new AtomicInteger();
		var threads = new ArrayList<Thread>();
		for (int t = 0; t < searchers; t++) {
			threads.add(Thread.ofPlatform().start(() -> {
				for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
					var request = new SearchRequest(queries.get(i % queries.size()), null, null, null, 10, 0);
					var bytes = clock.getCurrentThreadAllocatedBytes();
					var before = clock.getCurrentThreadCpuTime();
					search.find(organisation, request, hybrid);
					cpu[i] = clock.getCurrentThreadCpuTime() - before;
					allocated[i] = clock.getCurrentThreadAllocatedBytes() - bytes;
				}
			}));
		}
		for (var thread : threads) {
			thread.join();
		}
	}

	/** The collections so far and their time in ms, over every collector. */
	private static long[] collections() {
		long count = 0;
		long millis = 0;
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			count += Math.max(0, collector.getCollectionCount());
			millis += Math.max(0, collector.getCollectionTime());
		}
		return new long[] { count, millis };
	}
}
