package io.morsel.search;

import io.morsel.catalog.LessonId;
import io.morsel.catalog.LessonVersion;
import io.morsel.identity.OrganisationId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Writes generated lessons ({@link GeneratedLessons}) straight into a search index folder, as the index's thread would
 * write them once published, without a database or a node: an index to profile {@link Search} on in process
 * (bench/search/README.md, "Profiling a search"). bench/search/run builds its indexes through a node instead, as in
 * service.
 *
 * <p>{@code <index folder> <lessons> <lessons with vectors> <seed>}: lessons 0 to {@code lessons - 1} of organisation
 * {@link #ORGANISATION}, the first {@code lessons with vectors} of them with their passages embedded (no pauses). The
 * index records that every lesson has its vectors when all have them.
 */
public class GeneratedIndex {

	/** The organisation the lessons belong to; SearchIndexBenchmark takes its id as an argument. */
	public static final OrganisationId ORGANISATION = new OrganisationId(
			UUID.fromString("00000000-0000-4000-8000-00000000a17e"));

	/**
	 * The sentence model as the benchmarks use it: loaded before this returns when {@code enabled} (a second or two),
	 * embedding without pauses; off otherwise.
	 */
	static Embeddings embeddings(boolean enabled) throws InterruptedException {
		var embeddings = new Embeddings(enabled, 0, Duration.ZERO);
		if (enabled) {
			embeddings.start();
			while (!embeddings.ready()) {
				Thread.sleep(100);
			}
		}
		return embeddings;
	}

	public static void main(String[] args) throws Exception {
		var folder = Path.of(args[0]);
		var lessons = Integer.parseInt(args[1]);
		var embedded = Integer.parseInt(args[2]);
		var generated = new GeneratedLessons(Long.parseLong(args[3]));
		var embeddings = embeddings(embedded > 0);
		var index = new SearchIndex(folder);
		var started = System.nanoTime();
		var now = Instant.now();
		for (int n = 0; n < lessons; n++) {
			var version = new LessonVersion(new LessonId(new UUID(0xbe4c4L, n)), 1, ORGANISATION, generated.lesson(n),
					now, now, 0);
			var vectors = n < embedded ? (LessonDocuments.Vectors) embeddings::embedAll : LessonDocuments.Vectors.NONE;
			var built = LessonDocuments.of(version, List.of(), LessonDocuments.ImageText.NONE, vectors);
			index.replaceLesson(version.lessonId().value().toString(), built.documents());
		}
		index.commit(0, embedded >= lessons);
		System.out.printf("wrote %,d lessons (%,d with vectors), %,d documents, in %,d ms%n", lessons,
				Math.min(embedded, lessons), index.documents(), (System.nanoTime() - started) / 1_000_000);
		index.destroy();
		System.exit(0);
	}
}
