package io.morsel.authoring;

import java.util.List;

/**
 * A transcript as read: its cues in order, and whether their times come from the transcript ({@code timed}) or were
 * estimated at {@link #WORDS_PER_MINUTE}.
 */
public record Transcript(TranscriptFormat format, List<TranscriptCue> cues, boolean timed) {

	/** A steady presenter's pace, for text without timestamps. */
	static final int WORDS_PER_MINUTE = 150;

	/** The longest recording Morsel cuts: two hours. */
	static final long MAX_MILLIS = 2 * 60 * 60 * 1000L;

	public Transcript {
		cues = List.copyOf(cues);
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
