package io.morsel.authoring;

import java.util.List;
import java.util.Map;

/**
 * A transcript as read: its cues in order, whether their times come from the transcript ({@code timed}) or were
 * estimated at {@link #WORDS_PER_MINUTE}, and the headings of a Markdown text or document ({@code headings}: the
 * index of the cue each heading stands above, and its text).
 */
public record Transcript(TranscriptFormat format, List<TranscriptCue> cues, boolean timed,
		Map<Integer, String> headings) {

	/** A steady presenter's pace, for text without timestamps. */
	static final int WORDS_PER_MINUTE = 150;

	/** The longest recording Morsel cuts: two hours. */
	static final long MAX_MILLIS = 2 * 60 * 60 * 1000L;

	/** A transcript without headings: captions, or text that has none. */
	public Transcript(TranscriptFormat format, List<TranscriptCue> cues, boolean timed) {
		this(format, cues, timed, Map.of());
	}

	public Transcript {
		cues = List.copyOf(cues);
		headings = Map.copyOf(headings);
		if (cues.isEmpty()) {
			throw new MalformedTranscript(null, "authoring.refused.transcript-has-no-spoken-text");
		}
		var end = cues.getLast().endMillis();
		if (end > MAX_MILLIS + 60_000) {
			throw new MalformedTranscript(cues.getLast().line(), "authoring.refused.transcript-runs-minutes-morsel-cuts-recordings",
					Math.round(end / 60_000.0));
		}
	}

	public long durationMillis() {
		return cues.getLast().endMillis() - cues.getFirst().startMillis();
	}

	/** Milliseconds a presenter takes to say these words, at {@link #WORDS_PER_MINUTE}. */
	static long speakingMillis(String text) {
		var words = text.isBlank() ? 0 : text.strip().split("\\s+").length;
		return Math.max(1, Math.round(words * 60_000.0 / WORDS_PER_MINUTE));
	}
}
