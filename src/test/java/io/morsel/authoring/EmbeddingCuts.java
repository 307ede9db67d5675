package io.morsel.authoring;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Topic cuts placed by sentence embeddings, as issue 18 allows, where Morsel cuts by words (ADR 0024): the lexical
 * cuts are taken as candidates, and each moves to the gap nearby (up to {@link #REACH} sentences either way) where the
 * mean embeddings of the {@link #WINDOW} sentences before and after are least alike. Only the sentences around the
 * cuts are embedded, in one call, so the cost follows the number of lessons rather than the length of the recording.
 * Used by bench/segmentation and {@link EmbeddingCutsQualityTests} only; nothing in the application calls it.
 */
public final class EmbeddingCuts {

	/** How many sentences a cut may move either way. */
	public static final int REACH = 2;

	/** How many sentences are averaged on each side of a gap. */
	public static final int WINDOW = 5;

	/** Sentences to unit vectors, in order. */
	@FunctionalInterface
	public interface Embedder {

		List<float[]> embed(List<String> texts);

		/** langchain4j's {@code embedAll}: one run of the model per text, the texts spread over a thread pool. */
		static Embedder of(EmbeddingModel model) {
			return texts -> model.embedAll(texts.stream().map(TextSegment::from).toList())
				.content()
				.stream()
				.map(Embedding::vector)
				.toList();
		}
	}

	private final Embedder model;
	private final int reach;
	private final int window;

	public EmbeddingCuts(Embedder model) {
		this(model, REACH, WINDOW);
	}

	EmbeddingCuts(Embedder model, int reach, int window) {
		this.model = model;
		this.reach = reach;
		this.window = window;
	}

	/**
	 * The cuts moved.
	 *
	 * @param starts the sentences the lexical segments start at, the first 0
	 * @param embedded how many sentences were embedded to place them
	 */
	public record Placed(List<Integer> starts, int embedded) {
	}

	/** The lexical {@code starts} of these sentences moved where the embeddings say, each lesson kept within the limits. */
	public Placed place(List<SpokenSentence> sentences, List<Integer> starts, long minMillis, long maxMillis) {
		var n = sentences.size();
		var needed = new TreeSet<Integer>();
		for (var start : starts.subList(1, starts.size())) {
			for (var i = Math.max(0, start - reach - window); i < Math.min(n, start + reach + window); i++) {
				needed.add(i);
			}
		}
		var vectors = embed(sentences, needed);
		var placed = new ArrayList<Integer>(List.of(0));
		for (var c = 1; c < starts.size(); c++) {
			var previous = sentences.get(placed.getLast()).startMillis();
			var next = c + 1 < starts.size() ? sentences.get(starts.get(c + 1)).startMillis()
					: sentences.getLast().endMillis();
			// The lexical cut stays where no gap nearby keeps both lessons within the limits.
			var best = starts.get(c);
			var lowest = Double.MAX_VALUE;
			for (var gap = Math.max(1, best - reach); gap <= Math.min(n - 1, starts.get(c) + reach); gap++) {
				var at = sentences.get(gap).startMillis();
				if (at - previous < minMillis || next - at < minMillis || at - previous > maxMillis
						|| next - at > maxMillis) {
					continue;
				}
				var alike = similarity(vectors, gap, n);
				if (alike < lowest) {
					lowest = alike;
					best = gap;
				}
			}
			placed.add(best);
		}
		return new Placed(placed, needed.size());
	}

	private Map<Integer, float[]> embed(List<SpokenSentence> sentences, TreeSet<Integer> needed) {
		var order = List.copyOf(needed);
		var embeddings = model.embed(order.stream().map(i -> sentences.get(i).text()).toList());
		var vectors = new HashMap<Integer, float[]>();
		for (var i = 0; i < order.size(); i++) {
			vectors.put(order.get(i), embeddings.get(i));
		}
		return vectors;
	}

	/** How alike the sentences before and after the gap are: the cosine of their mean embeddings. */
	private double similarity(Map<Integer, float[]> vectors, int gap, int n) {
		return cosine(mean(vectors, Math.max(0, gap - window), gap), mean(vectors, gap, Math.min(n, gap + window)));
	}

	private static float[] mean(Map<Integer, float[]> vectors, int from, int to) {
		float[] sum = null;
		for (var i = from; i < to; i++) {
			var vector = vectors.get(i);
			if (sum == null) {
				sum = new float[vector.length];
			}
			for (var d = 0; d < sum.length; d++) {
				sum[d] += vector[d];
			}
		}
		return sum == null ? new float[0] : sum;
	}

	private static double cosine(float[] a, float[] b) {
		double dot = 0, na = 0, nb = 0;
		for (var d = 0; d < Math.min(a.length, b.length); d++) {
			dot += a[d] * b[d];
			na += a[d] * a[d];
			nb += b[d] * b[d];
		}
		return na == 0 || nb == 0 ? 1 : dot / Math.sqrt(na * nb);
	}
}
