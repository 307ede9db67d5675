package io.morsel.authoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds topic boundaries in a run of sentences by lexical cohesion, after Hearst's TextTiling (Computational
 * Linguistics 23(1), 1997): at each gap between two sentences, the cosine similarity of the words in a block before
 * and a block after it (the cohesion score, smoothed); at each valley of the scores, its depth (how far the scores
 * climb on either side of it); a gap whose depth passes {@code mean + cutoff × standard deviation} of the valleys'
 * depths is a boundary. Where Hearst takes every such gap, a lesson must also last between a shortest and a longest
 * time: the boundaries are chosen together, by dynamic programming, to collect the most depth above the cutoff while
 * every segment keeps to the limits (a segment runs over the longest only when one sentence does). Pure: the words of
 * each sentence come in already stemmed and without stop words.
 */
final class TextTiling {

	/**
	 * The block on each side of a gap holds at least {@code blockTerms} words (Hearst: 6 token-sequences of 20, about
	 * 120 tokens, 50-60 of them content words); {@code cutoff} places the boundary rule on the valleys' depths.
	 */
	record Settings(long minMillis, long maxMillis, int blockTerms, double cutoff) {

		static final int BLOCK_TERMS = 60;
		static final double CUTOFF = 0.0;

		static Settings lessons(long minMillis, long maxMillis) {
			return new Settings(minMillis, maxMillis, BLOCK_TERMS, CUTOFF);
		}
	}

	/** A sentence as the tiling sees it: its content words and when it is said. */
	record Sentence(List<String> terms, long startMillis, long endMillis) {
	}

	/**
	 * The scores at each gap ({@code gap i} lies before sentence {@code i}; index 0 is unused), the cutoff the depths
	 * were held to, and the sentences each segment starts at (the first is 0).
	 */
	record Tiling(double[] cohesion, double[] depth, double threshold, List<Integer> starts) {
	}

	private TextTiling() {
	}

	static Tiling tile(List<Sentence> sentences, Settings settings) {
		var n = sentences.size();
		if (n == 0) {
			return new Tiling(new double[0], new double[0], 0, List.of());
		}
		var cohesion = smoothed(cohesion(sentences, settings.blockTerms()));
		var depth = depths(cohesion);
		var valleys = new ArrayList<Double>();
		for (var gap = 1; gap < n; gap++) {
			if (valley(cohesion, gap)) {
				valleys.add(depth[gap]);
			}
		}
		var threshold = threshold(valleys, settings.cutoff());
		var gain = new double[n + 1];
		for (var gap = 1; gap < n; gap++) {
			// Only a valley deeper than the cutoff is a topic boundary; any other gap is cut only to keep a lesson short.
			gain[gap] = depth[gap] - threshold - (valley(cohesion, gap) ? 0 : 1);
		}
		var starts = choose(sentences, gain, settings.minMillis(), settings.maxMillis());
		if (starts == null) {
			starts = choose(sentences, gain, 0, settings.maxMillis());
		}
		return new Tiling(cohesion, depth, threshold, starts);
	}

	/** Cosine similarity of the word counts of the blocks before and after each gap. */
	static double[] cohesion(List<Sentence> sentences, int blockTerms) {
		var n = sentences.size();
		var scores = new double[n];
		for (var gap = 1; gap < n; gap++) {
			var before = new HashMap<String, Integer>();
			for (int i = gap - 1, terms = 0; i >= 0 && terms < blockTerms; i--) {
				terms += count(before, sentences.get(i).terms());
			}
			var after = new HashMap<String, Integer>();
			for (int i = gap, terms = 0; i < n && terms < blockTerms; i++) {
				terms += count(after, sentences.get(i).terms());
			}
			scores[gap] = cosine(before, after);
		}
		return scores;
	}

	/** Each gap's depth: how far the scores rise to the nearest peak on its left, plus on its right. */
	static double[] depths(double[] cohesion) {
		var n = cohesion.length;
		var depth = new double[n];
		for (var gap = 1; gap < n; gap++) {
			var left = gap;
			while (left > 1 && cohesion[left - 1] >= cohesion[left]) {
				left--;
			}
			var right = gap;
			while (right < n - 1 && cohesion[right + 1] >= cohesion[right]) {
				right++;
			}
			depth[gap] = cohesion[left] - cohesion[gap] + cohesion[right] - cohesion[gap];
		}
		return depth;
	}

	private static double[] smoothed(double[] scores) {
		var smoothed = scores.clone();
		for (var gap = 1; gap < scores.length; gap++) {
			var sum = 0.0;
			var count = 0;
			for (var i = Math.max(1, gap - 1); i <= Math.min(scores.length - 1, gap + 1); i++) {
				sum += scores[i];
				count++;
			}
			smoothed[gap] = sum / count;
		}
		return smoothed;
	}

	private static boolean valley(double[] cohesion, int gap) {
		var lower = gap == 1 || cohesion[gap] <= cohesion[gap - 1];
		var lowerRight = gap == cohesion.length - 1 || cohesion[gap] < cohesion[gap + 1];
		return lower && lowerRight;
	}

	private static double threshold(List<Double> depths, double cutoff) {
		if (depths.isEmpty()) {
			return Double.MAX_VALUE / 4;
		}
		var mean = depths.stream().mapToDouble(Double::doubleValue).average().orElse(0);
		var variance = depths.stream().mapToDouble(d -> (d - mean) * (d - mean)).average().orElse(0);
		return mean + cutoff * Math.sqrt(variance);
	}

	/**
	 * The starts that collect the most gain while every segment lasts from {@code min} to {@code max}; {@code null} when
	 * no such cut exists (the whole is shorter than two shortest segments, say, yet longer than the longest).
	 */
	private static List<Integer> choose(List<Sentence> sentences, double[] gain, long min, long max) {
		var n = sentences.size();
		var best = new double[n + 1];
		var from = new int[n + 1];
		java.util.Arrays.fill(best, Double.NEGATIVE_INFINITY);
		best[0] = 0;
		for (var end = 1; end <= n; end++) {
			var endMillis = end == n ? sentences.get(n - 1).endMillis() : sentences.get(end).startMillis();
			for (var start = end - 1; start >= 0; start--) {
				var length = endMillis - sentences.get(start).startMillis();
				if (length > max && start < end - 1) {
					break;
				}
				var whole = start == 0 && end == n;
				if (best[start] == Double.NEGATIVE_INFINITY || length < min && !whole) {
					continue;
				}
				var score = best[start] + (end < n ? gain[end] : 0);
				if (score > best[end]) {
					best[end] = score;
					from[end] = start;
				}
			}
		}
		if (best[n] == Double.NEGATIVE_INFINITY) {
			return null;
		}
		var starts = new ArrayList<Integer>();
		for (var end = n; end > 0; end = from[end]) {
			starts.addFirst(from[end]);
		}
		return starts;
	}

	private static int count(Map<String, Integer> counts, List<String> terms) {
		terms.forEach(term -> counts.merge(term, 1, Integer::sum));
		return terms.size();
	}

	private static double cosine(Map<String, Integer> a, Map<String, Integer> b) {
		if (a.isEmpty() || b.isEmpty()) {
			return 0;
		}
		var dot = 0.0;
		for (var entry : a.entrySet()) {
			var other = b.get(entry.getKey());
			if (other != null) {
				dot += entry.getValue() * (double) other;
			}
		}
		return dot / Math.sqrt(squares(a) * squares(b));
	}

	private static double squares(Map<String, Integer> counts) {
		return counts.values().stream().mapToDouble(c -> c * (double) c).sum();
	}
}
