package io.morsel.search;

import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A passage's vector as the index holds it: the model's vector moved by a thousandth, in a direction fixed by the
 * passage, so that no two passages share one vector.
 *
 * <p>Identical texts have identical vectors: a heading every lesson repeats, a course several organisations hold, the
 * same question in many lessons. Lucene keeps a node's neighbours in its HNSW graph only when each is nearer to the
 * node than to the neighbours already kept; a node with an identical twin keeps that twin and nothing else, so a group
 * of identical vectors links almost only to itself. A search that enters such a group stays in it: it finds fewer than
 * its 200 passages and Lucene searches every passage of the segment instead (the slowest searches by meaning), or it
 * finds 200 and misses the nearest (ADR 0025, "Vectors kept apart"). Moved a thousandth apart, the twins are no longer
 * each other's equals, and the graph links them to the rest.
 *
 * <p>A thousandth changes a passage's cosine to any query by about 5 × 10⁻⁵ (the move's share along the query): far
 * below what separates two passages of different texts, so only twins' order among themselves changes.
 */
final class VectorsApart {

	/** How far a vector is moved: the length of the added vector, a unit vector being 1 long. */
	static final double DISTANCE = 1e-3;

	private VectorsApart() {
	}

	/** The passage's vector moved apart: a unit vector again, the same for the same lesson and passage every time. */
	static float[] of(float[] vector, UUID lesson, int passage) {
		var random = new SplittableRandom((lesson.getMostSignificantBits() * 31 + lesson.getLeastSignificantBits()) * 31
				+ passage);
		var scale = DISTANCE / Math.sqrt(vector.length);
		var moved = new float[vector.length];
		double norm = 0;
		for (int i = 0; i < vector.length; i++) {
			moved[i] = (float) (vector[i] + random.nextGaussian() * scale);
			norm += moved[i] * moved[i];
		}
		var length = (float) Math.sqrt(norm);
		for (int i = 0; i < moved.length; i++) {
			moved[i] /= length;
		}
		return moved;
	}
}
