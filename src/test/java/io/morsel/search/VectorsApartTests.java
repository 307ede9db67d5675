package io.morsel.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.util.Random;
import java.util.UUID;
import java.util.function.BiFunction;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.VectorUtil;
import org.junit.jupiter.api.Test;

/** Passages' vectors kept apart (ADR 0025): plain unit tests, on an index in memory. */
class VectorsApartTests {

	private static final UUID LESSON = UUID.fromString("6f1c2d4e-8a9b-4c3d-9e0f-1a2b3c4d5e6f");

	@Test
	void aVectorMovesByAThousandthAndStaysAUnitVector() {
		var vector = randomUnit(new Random(1), 384);
		var moved = VectorsApart.of(vector, LESSON, 3);

		assertThat(VectorUtil.dotProduct(moved, moved)).isCloseTo(1f, offset(1e-5f));
		assertThat(distance(vector, moved)).isBetween(0.5e-3, 1.5e-3);
		// What a search ranks by: the cosine to any query changes by far less than separates two passages.
		var query = randomUnit(new Random(2), 384);
		assertThat(Math.abs(VectorUtil.dotProduct(query, moved) - VectorUtil.dotProduct(query, vector)))
			.isLessThan(2e-4f);
	}

	@Test
	void theSamePassageMovesTheSameWayAndTwinsMoveApart() {
		var vector = randomUnit(new Random(1), 384);

		assertThat(VectorsApart.of(vector, LESSON, 3)).containsExactly(VectorsApart.of(vector, LESSON, 3));
		assertThat(VectorsApart.of(vector, LESSON, 3)).isNotEqualTo(VectorsApart.of(vector, LESSON, 4));
		assertThat(VectorsApart.of(vector, LESSON, 3)).isNotEqualTo(VectorsApart.of(vector, UUID.randomUUID(), 3));
	}

	/**
	 * 200 different texts, each held by 40 passages: Lucene's graph of identical vectors links each group almost only to
	 * itself, and a search for one text's nearest passage, which cannot fall back to comparing every passage, misses it
	 * most of the time. Kept apart, the same vectors are found.
	 */
	@Test
	void passagesSharingATextAreFoundWhenKeptApart() throws IOException {
		int identical = missedNearest((vector, copy) -> vector);
		int apart = missedNearest((vector, copy) -> VectorsApart.of(vector, LESSON, copy));

		assertThat(identical).as("searches missing the nearest text among identical vectors").isGreaterThan(50);
		assertThat(apart).as("searches missing the nearest text among vectors kept apart").isLessThan(20);
	}

	/** Of 200 searches, one near each text, how many did not find that text first. */
	private static int missedNearest(BiFunction<float[], Integer, float[]> indexed) throws IOException {
		var random = new Random(7);
		int texts = 200;
		int dimensions = 32;
		var vectors = new float[texts][];
		for (int i = 0; i < texts; i++) {
			vectors[i] = randomUnit(random, dimensions);
		}
		try (var directory = new ByteBuffersDirectory()) {
			try (var writer = new IndexWriter(directory, new IndexWriterConfig())) {
				int passage = 0;
				for (int copy = 0; copy < 40; copy++) {
					for (int text = 0; text < texts; text++) {
						var doc = new Document();
						doc.add(new KnnFloatVectorField("meaning", indexed.apply(vectors[text], passage++),
								VectorSimilarityFunction.DOT_PRODUCT));
						doc.add(new StoredField("text", text));
						writer.addDocument(doc);
					}
				}
				writer.forceMerge(1);
			}
			try (var reader = DirectoryReader.open(directory)) {
				var searcher = new IndexSearcher(reader);
				int missed = 0;
				for (int text = 0; text < texts; text++) {
					var query = vectors[text].clone();
					for (int i = 0; i < dimensions; i++) {
						query[i] += (float) (random.nextGaussian() * 0.5 / Math.sqrt(dimensions));
					}
					var top = searcher.search(new KnnFloatVectorQuery("meaning", VectorUtil.l2normalize(query), 10), 1);
					var found = searcher.storedFields().document(top.scoreDocs[0].doc).getField("text").numericValue();
					if (found.intValue() != text) {
						missed++;
					}
				}
				return missed;
			}
		}
	}

	private static float[] randomUnit(Random random, int dimensions) {
		var vector = new float[dimensions];
		for (int i = 0; i < dimensions; i++) {
			vector[i] = (float) random.nextGaussian();
		}
		return VectorUtil.l2normalize(vector);
	}

	private static double distance(float[] a, float[] b) {
		double sum = 0;
		for (int i = 0; i < a.length; i++) {
			sum += (a[i] - b[i]) * (a[i] - b[i]);
		}
		return Math.sqrt(sum);
	}
}
