package io.morsel.catalog;

import io.morsel.shared.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * WebVTT transcripts: checked when a lesson is saved, and read into cues for the transcript beside a player and for
 * search ("that sentence from the video").
 */
public final class Transcripts {

	/** One cue: its start and end in milliseconds and its text. */
	public record Cue(long startMillis, long endMillis, String text) {
	}

	private static final Pattern TIMING = Pattern
		.compile("^((?:\\d{2,}:)?\\d{2}:\\d{2}\\.\\d{3})\\s+-->\\s+((?:\\d{2,}:)?\\d{2}:\\d{2}\\.\\d{3})(?:\\s.*)?$");

	private Transcripts() {
	}

	static void check(String transcript) {
		if (transcript == null || transcript.isBlank()) {
			throw new InvalidValueException("catalog.refused.video-audio-need-transcript-webvtt");
		}
		if (transcript.length() > 200_000) {
			throw new InvalidValueException("catalog.refused.transcript-longer-than-200-000-characters");
		}
		cues(transcript);
	}

	/**
	 * The cues of a WebVTT document, in order.
	 * @throws InvalidValueException when it is not WebVTT or a cue's timing is malformed
	 */
	public static List<Cue> cues(String webVtt) {
		var lines = webVtt.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
		if (lines.length == 0 || !lines[0].strip().startsWith("WEBVTT")) {
			throw new InvalidValueException("catalog.refused.transcript-must-webvtt-document-starting-webvtt");
		}
		var cues = new ArrayList<Cue>();
		for (int i = 1; i < lines.length; i++) {
			if (!lines[i].contains("-->")) {
				continue;
			}
			var timing = TIMING.matcher(lines[i].strip());
			if (!timing.matches()) {
				throw new InvalidValueException("catalog.refused.malformed-cue-timing-line", (i + 1), lines[i].strip());
			}
			var start = millis(timing.group(1));
			var end = millis(timing.group(2));
			if (end < start) {
				throw new InvalidValueException("catalog.refused.cue-ends-before-starts-line", (i + 1));
			}
			var text = new StringBuilder();
			while (i + 1 < lines.length && !lines[i + 1].isBlank()) {
				text.append(text.isEmpty() ? "" : " ").append(lines[++i].strip());
			}
			cues.add(new Cue(start, end, text.toString().replaceAll("<[^>]*>", "")));
		}
		if (cues.isEmpty()) {
			throw new InvalidValueException("catalog.refused.transcript-has-no-cues");
		}
		return cues;
	}

	private static long millis(String timestamp) {
		var parts = timestamp.split(":");
		long hours = parts.length == 3 ? Long.parseLong(parts[0]) : 0;
		long minutes = Long.parseLong(parts[parts.length - 2]);
		var seconds = parts[parts.length - 1].split("\\.");
		return ((hours * 60 + minutes) * 60 + Long.parseLong(seconds[0])) * 1000 + Long.parseLong(seconds[1]);
	}
}
