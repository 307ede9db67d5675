package io.morsel.authoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.stemmer.PorterStemmer;

/**
 * Where a long program's lessons could be grouped into modules: between neighbours that share the fewest words, each
 * module holding {@value #FEWEST} to {@value #MOST} lessons. The words of a lesson are its title's and objective's,
 * stemmed and weighted by how rare they are in the program (a verb every objective starts with tells no topic apart);
 * the cuts are chosen together, by dynamic programming, for the least similarity across them, with a small cost for
 * a module far from {@value #IDEAL} lessons so that a program of unrelated lessons is still cut evenly. Pure.
 */
final class ProgramGrouping {

	static final int FEWEST = 3;
	static final int MOST = 7;
	static final int IDEAL = 5;

	/** What an uneven module costs against the similarity it saves: a pair of near-identical lessons outweighs it. */
	private static final double UNEVEN = 0.02;

	private ProgramGrouping() {
	}

	/**
	 * The positions (from 0) of the lessons each suggested module starts at, the first always 0.
	 *
	 * @param lessons each lesson's words (title and objective), in the program's order
	 */
	static List<Integer> starts(List<String> lessons) {
		var n = lessons.size();
		if (n <= MOST) {
			return List.of(0);
		}
		var similarity = neighbourSimilarity(vectors(lessons));
		// cost[j]: the least cost of modules covering lessons 0..j-1; from[j]: where the last of them starts.
		var cost = new double[n + 1];
		var from = new int[n + 1];
		java.util.Arrays.fill(cost, Double.POSITIVE_INFINITY);
		cost[0] = 0;
		for (var end = FEWEST; end <= n; end++) {
			for (var size = FEWEST; size <= MOST && size <= end; size++) {
				var start = end - size;
				if (cost[start] == Double.POSITIVE_INFINITY) {
					continue;
				}
				var cut = start == 0 ? 0 : similarity[start];
				var total = cost[start] + cut + UNEVEN * (size - IDEAL) * (size - IDEAL);
				if (total < cost[end]) {
					cost[end] = total;
					from[end] = start;
				}
			}
		}
		var starts = new ArrayList<Integer>();
		for (var end = n; end > 0; end = from[end]) {
			starts.addFirst(from[end]);
		}
		return List.copyOf(starts);
	}

	/** {@code similarity[i]}: the cosine between lesson {@code i - 1} and lesson {@code i}; index 0 is unused. */
	private static double[] neighbourSimilarity(List<Map<String, Double>> vectors) {
		var similarity = new double[vectors.size()];
		for (var i = 1; i < vectors.size(); i++) {
			similarity[i] = cosine(vectors.get(i - 1), vectors.get(i));
		}
		return similarity;
	}

	private static List<Map<String, Double>> vectors(List<String> lessons) {
		var stemmer = new PorterStemmer();
		var terms = new ArrayList<List<String>>();
		var documents = new HashMap<String, Integer>();
		for (var text : lessons) {
			var words = new ArrayList<String>();
			for (var word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
				if (word.length() > 2) {
					words.add(stemmer.stem(word));
				}
			}
			terms.add(words);
			new HashSet<>(words).forEach(w -> documents.merge(w, 1, Integer::sum));
		}
		var n = lessons.size();
		var vectors = new ArrayList<Map<String, Double>>();
		for (var words : terms) {
			var vector = new HashMap<String, Double>();
			for (var word : words) {
				// A word in half the lessons or more weighs nothing: it groups nothing apart.
				var idf = Math.log((double) n / documents.get(word)) - Math.log(2);
				if (idf > 0) {
					vector.merge(word, idf, Double::sum);
				}
			}
			vectors.add(vector);
		}
		return vectors;
	}

	private static double cosine(Map<String, Double> a, Map<String, Double> b) {
		var dot = 0.0;
		for (var entry : a.entrySet()) {
			dot += entry.getValue() * b.getOrDefault(entry.getKey(), 0.0);
		}
		var norms = norm(a) * norm(b);
		return norms == 0 ? 0 : dot / norms;
	}

	private static double norm(Map<String, Double> vector) {
		return Math.sqrt(vector.values().stream().mapToDouble(v -> v * v).sum());
	}
}
