package io.morsel.authoring;

import java.util.regex.Pattern;

/**
 * Reads WebVTT (W3C WebVTT: The Web Video Text Tracks Format) strictly: the {@code WEBVTT} signature, a header, then
 * blocks apart by blank lines, each a note, a style or region definition, or a cue (an optional identifier, a timing
 * line {@code 00:01:02.500 --> 00:01:05.000} with optional settings, and its text).
 */
final class WebVttReader {

	private static final Pattern SIGNATURE = Pattern.compile("WEBVTT(?:[ \t].*)?");
	private static final Pattern TIMING = Pattern
		.compile("(?:(\\d{2,}):)?(\\d{2}):(\\d{2})\\.(\\d{3})[ \t]+-->[ \t]+(?:(\\d{2,}):)?(\\d{2}):(\\d{2})\\.(\\d{3})(?:[ \t].*)?");

	private WebVttReader() {
	}

	static Transcript read(String webVtt) {
		var lines = TranscriptLines.of(webVtt);
		if (!SIGNATURE.matcher(lines.at(0)).matches()) {
			throw new MalformedTranscript(1, "authoring.refused.webvtt-transcript-starts-line-webvtt");
		}
		var i = 1;
		while (!lines.blank(i)) {
			if (lines.at(i).contains("-->")) {
				throw new MalformedTranscript(i + 1, "authoring.refused.blank-line-must-follow-webvtt-header");
			}
			i++;
		}
		while (i < lines.count()) {
			if (lines.blank(i)) {
				i++;
				continue;
			}
			var first = lines.at(i);
			if (first.equals("NOTE") || first.startsWith("NOTE ") || first.startsWith("NOTE\t") || first.equals("STYLE")
					|| first.equals("REGION")) {
				i = skipBlock(lines, i);
				continue;
			}
			var timingLine = first.contains("-->") ? i : i + 1;
			if (lines.blank(timingLine) || !lines.at(timingLine).contains("-->")) {
				throw new MalformedTranscript(timingLine + 1, "authoring.refused.expected-cue-timing-such-00-01",
						first);
			}
			var timing = TIMING.matcher(lines.at(timingLine));
			if (!timing.matches()) {
				throw new MalformedTranscript(timingLine + 1, "authoring.refused.malformed-cue-timing-webvtt-writes-00",
						lines.at(timingLine));
			}
			var start = millis(timing, 1, timingLine);
			var end = millis(timing, 5, timingLine);
			var text = new StringBuilder();
			var j = timingLine + 1;
			for (; !lines.blank(j); j++) {
				if (lines.at(j).contains("-->")) {
					throw new MalformedTranscript(j + 1, "authoring.refused.cue-s-text-cannot-hold-blank");
				}
				text.append(' ').append(lines.at(j));
			}
			lines.add(timingLine + 1, start, end, TranscriptLines.plain(text.toString()));
			i = j;
		}
		return new Transcript(TranscriptFormat.WEBVTT, lines.cues(), true);
	}

	private static int skipBlock(TranscriptLines lines, int i) {
		while (!lines.blank(i)) {
			i++;
		}
		return i;
	}

	private static long millis(java.util.regex.Matcher timing, int group, int line) {
		var hours = timing.group(group) == null ? 0 : Long.parseLong(timing.group(group));
		var minutes = Long.parseLong(timing.group(group + 1));
		var seconds = Long.parseLong(timing.group(group + 2));
		if (minutes > 59 || seconds > 59) {
			throw new MalformedTranscript(line + 1, "authoring.refused.minutes-seconds-cue-time-run-00");
		}
		return ((hours * 60 + minutes) * 60 + seconds) * 1000 + Long.parseLong(timing.group(group + 3));
	}
}
