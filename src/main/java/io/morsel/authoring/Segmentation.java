package io.morsel.authoring;

import java.util.List;

/**
 * A transcript cut into micro-lessons: its sentences, and the segments proposed (or as the author moved the cuts),
 * in order, together covering every sentence once.
 */
public record Segmentation(TranscriptFormat format, boolean timed, List<SpokenSentence> sentences,
		List<ProposedSegment> segments) {

	public Segmentation {
		sentences = List.copyOf(sentences);
		segments = List.copyOf(segments);
	}

	/** The sentences each segment starts at. */
	public List<Integer> starts() {
		return segments.stream().map(ProposedSegment::firstSentence).toList();
	}

	/** The words of a segment, its sentences joined. */
	public String text(ProposedSegment segment) {
		return String.join(" ", sentences.subList(segment.firstSentence(),
				segment.firstSentence() + segment.sentenceCount()).stream().map(SpokenSentence::text).toList());
	}
}
