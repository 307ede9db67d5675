package io.morsel.search;

import io.morsel.identity.OrganisationId;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.UUID;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.AcceptDocs;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.knn.KnnCollectorManager;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.hnsw.HnswUtil;

/**
 * What the vector search alone does on an index with vectors, for each query of a file: the processor time of the
 * organisation's 200 nearest passages ({@code Meanings.find}'s query), how many graph nodes it visited, whether Lucene
 * gave up the graph for a segment and compared every passage instead (an exact search), and the recall of its ten
 * best against every passage's vector compared with the query's (the generated index holds one organisation).
 *
 * <p>{@code <index folder> <queries.txt> [rounds]}: each query is searched {@code rounds} times (6 by default) and its
 * time is the least of the last half; the organisation is the generated lessons' (BenchCatalog). The index is only
 * read. It prints the segments, whether each segment's graph reaches all of its nodes from its entry, the time's
 * median, 90th and 99th percentiles over the queries, the exact searches, the mean recall@10 and the queries under
 * 0.8 of it, and the eight slowest queries (ADR 0025, "Vectors kept apart").
 */
public final class VectorSearchCheck {

	/**
	 * A found passage counts as one of the ten nearest when its score is within this of the tenth's: identical texts'
	 * vectors are moved apart by a thousandth (VectorsApart), and which twin is found does not matter.
	 */
	private static final float TIE = 1e-4f;

	private VectorSearchCheck() {
	}

	/** A node's nearest passages' query ({@code Meanings.query}), counting the nodes it visits and the exact searches. */
	private static final class Counted extends KnnFloatVectorQuery {

		long visited;

		int exact;

		Counted(KnnFloatVectorQuery query) {
			super(query.getField(), query.getTargetCopy(), query.getK(), query.getFilter());
		}

		@Override
		protected TopDocs approximateSearch(LeafReaderContext context, AcceptDocs acceptDocs, int visitedLimit,
				KnnCollectorManager manager) throws IOException {
			var found = super.approximateSearch(context, acceptDocs, visitedLimit, manager);
			visited += found.totalHits.value();
			return found;
		}

		@Override
		protected TopDocs exactSearch(LeafReaderContext context, DocIdSetIterator accepted, QueryTimeout timeout)
				throws IOException {
			exact++;
			return super.exactSearch(context, accepted, timeout);
		}
	}

	public static void main(String[] args) throws Exception {
		var reader = DirectoryReader.open(FSDirectory.open(Path.of(args[0])));
		var queries = Files.readAllLines(Path.of(args[1])).stream().filter(q -> !q.isBlank()).toList();
		int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 6;
		var organisation = new OrganisationId(UUID.fromString("00000000-0000-4000-8000-00000000a17e"));
		var embeddings = GeneratedIndex.embeddings(true);
		var vectors = new ArrayList<float[]>();
		for (var query : queries) {
			vectors.add(embeddings.embed(Meanings.text(query)).orElseThrow());
		}
		var searcher = new IndexSearcher(reader);
		var clock = ManagementFactory.getThreadMXBean();
		var millis = new double[queries.size()];
		var visited = new long[queries.size()];
		var exact = new int[queries.size()];
		var recall = new double[queries.size()];
		Arrays.fill(millis, Double.MAX_VALUE);
		for (int round = 0; round < rounds; round++) {
			for (int i = 0; i < queries.size(); i++) {
				var request = new SearchRequest(queries.get(i), null, null, null, 10, 0);
				var query = new Counted(Meanings.query(organisation, request, vectors.get(i)));
				var before = clock.getCurrentThreadCpuTime();
				var found = searcher.search(query, 10);
				var cpu = (clock.getCurrentThreadCpuTime() - before) / 1e6;
				if (round >= rounds / 2) {
					millis[i] = Math.min(millis[i], cpu);
				}
				visited[i] = query.visited;
				exact[i] = query.exact;
				if (round == rounds - 1) {
					var tenth = tenthNearest(reader, vectors.get(i)) - TIE;
					recall[i] = Arrays.stream(found.scoreDocs).filter(hit -> hit.score >= tenth).count() / 10.0;
				}
			}
		}
		var sorted = millis.clone();
		Arrays.sort(sorted);
		int n = sorted.length;
		System.out.printf("%s: %d segments, %d documents; every graph reaches all its nodes: %s%n", args[0],
				reader.leaves().size(), reader.maxDoc(), HnswUtil.graphIsRooted(reader, LessonDocuments.MEANING));
		System.out.printf(
				"%d queries, %d nearest passages each: cpu p50 %.2f, p90 %.2f, p99 %.2f, max %.2f ms; %.0f nodes visited on average; %d queries searched a segment exactly; recall@10 %.3f, %d queries under 0.8%n",
				n, Meanings.PASSAGES, sorted[n / 2], sorted[(int) (n * 0.9)], sorted[(int) (n * 0.99)], sorted[n - 1],
				Arrays.stream(visited).average().orElse(0), Arrays.stream(exact).filter(e -> e > 0).count(),
				Arrays.stream(recall).average().orElse(0), Arrays.stream(recall).filter(r -> r < 0.8).count());
		var slowest = new ArrayList<Integer>();
		for (int i = 0; i < n; i++) {
			slowest.add(i);
		}
		slowest.sort((a, b) -> Double.compare(millis[b], millis[a]));
		for (int i : slowest.subList(0, Math.min(8, n))) {
			System.out.printf("  %.2f ms, %d visited, %d exact, recall %.1f: %s%n", millis[i], visited[i], exact[i],
					recall[i], queries.get(i));
		}
		System.exit(0);
	}

	/** The score of the tenth nearest passage, every passage's vector compared with the query's. */
	private static float tenthNearest(IndexReader reader, float[] query) throws IOException {
		var best = new PriorityQueue<Float>();
		for (var leaf : reader.leaves()) {
			var values = leaf.reader().getFloatVectorValues(LessonDocuments.MEANING);
			if (values == null) {
				continue;
			}
			var passages = values.iterator();
			for (int doc = passages.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = passages.nextDoc()) {
				best.add(VectorSimilarityFunction.DOT_PRODUCT.compare(values.vectorValue(passages.index()), query));
				if (best.size() > 10) {
					best.poll();
				}
			}
		}
		return best.isEmpty() ? 1 : best.peek();
	}
}
