package io.morsel.search;

import io.morsel.identity.OrganisationId;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * The processor time of {@code Search.find} (lexical, any content, ten results), one thread, over a fixed number of
 * searches after a fixed number of warm-up searches: on a busy machine a measurement by time runs too few searches
 * for the JIT to finish, and the figure then measures the interpreter (bench/search/README.md, "Profiling a search").
 *
 * <p>{@code <index folder> <queries.txt> <warm-up searches> <measured searches>}; the organisation is the generated
 * lessons' (BenchCatalog). It opens the index for writing, as a node does: give each run its own copy of the folder.
 */
public final class CpuPerSearch {

	private CpuPerSearch() {
	}

	public static void main(String[] args) throws Exception {
		var index = new SearchIndex(Path.of(args[0]));
		var queries = Files.readAllLines(Path.of(args[1])).stream().filter(q -> !q.isBlank()).toList();
		int warm = Integer.parseInt(args[2]);
		int measured = Integer.parseInt(args[3]);
		var organisation = new OrganisationId(UUID.fromString("00000000-0000-4000-8000-00000000a17e"));
		var synonyms = new Synonyms(null) {

			@Override
			public List<String> of(OrganisationId organisation) {
				return List.of();
			}
		};
		var search = new Search(index, synonyms, new Embeddings(false, 0, java.time.Duration.ZERO), null, null);
		var clock = ManagementFactory.getThreadMXBean();
		for (int i = 0; i < warm; i++) {
			search.find(organisation, new SearchRequest(queries.get(i % queries.size()), null, null, null, 10, 0),
					false);
		}
		long cpu = 0;
		var started = System.nanoTime();
		for (int i = 0; i < measured; i++) {
			var request = new SearchRequest(queries.get(i % queries.size()), null, null, null, 10, 0);
			var before = clock.getCurrentThreadCpuTime();
			search.find(organisation, request, false);
			cpu += clock.getCurrentThreadCpuTime() - before;
		}
		System.out.printf("%s: %d searches after %d warm-up, cpu %.2f ms a search, wall %.1f s%n", args[0], measured,
				warm, cpu / 1e6 / measured, (System.nanoTime() - started) / 1e9);
		index.destroy();
		System.exit(0);
	}
}
