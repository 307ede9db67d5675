package io.morsel.authoring;

import java.util.List;

/**
 * The two usual measures of a text segmentation against a reference, over sentences: Pk (Beeferman, Berger and
 * Lafferty 1999), the share of windows of k sentences whose two ends the two segmentations disagree on being in the
 * same segment, and WindowDiff (Pevzner and Hearst 2002), the share of windows holding a different number of
 * boundaries. Both are 0 for a perfect segmentation; k is half the reference's mean segment length. A segmentation is
 * given as the sentences its segments start at.
 */
final class SegmentationScores {

	private SegmentationScores() {
	}

	static int window(List<Integer> reference, int sentences) {
		return Math.max(2, Math.round(sentences / (2.0f * reference.size())));
	}

	static double pk(List<Integer> reference, List<Integer> hypothesis, int sentences) {
		var k = window(reference, sentences);
		var ref = segmentOf(reference, sentences);
		var hyp = segmentOf(hypothesis, sentences);
		var errors = 0;
		for (var i = 0; i + k < sentences; i++) {
			if ((ref[i] == ref[i + k]) != (hyp[i] == hyp[i + k])) {
				errors++;
			}
		}
		return errors / (double) (sentences - k);
	}

	static double windowDiff(List<Integer> reference, List<Integer> hypothesis, int sentences) {
		var k = window(reference, sentences);
		var ref = segmentOf(reference, sentences);
		var hyp = segmentOf(hypothesis, sentences);
		var errors = 0;
		for (var i = 0; i + k < sentences; i++) {
			if (ref[i + k] - ref[i] != hyp[i + k] - hyp[i]) {
				errors++;
			}
		}
		return errors / (double) (sentences - k);
	}

	/** Segments of equal length in time, as many as {@code count}: the baseline a segmenter must beat. */
	static List<Integer> evenSplit(List<SpokenSentence> sentences, int count) {
		var start = sentences.getFirst().startMillis();
		var length = sentences.getLast().endMillis() - start;
		var starts = new java.util.ArrayList<Integer>();
		starts.add(0);
		for (var s = 1; s < count; s++) {
			var at = start + length * s / count;
			var i = 0;
			while (i < sentences.size() - 1 && sentences.get(i).startMillis() < at) {
				i++;
			}
			if (i > starts.getLast()) {
				starts.add(i);
			}
		}
		return starts;
	}

	/** The number of the segment each sentence falls in. */
	private static int[] segmentOf(List<Integer> starts, int sentences) {
		var segment = new int[sentences];
		var current = -1;
		var next = 0;
		for (var i = 0; i < sentences; i++) {
			while (next < starts.size() && starts.get(next) <= i) {
				current++;
				next++;
			}
			segment[i] = current;
		}
		return segment;
	}
}
