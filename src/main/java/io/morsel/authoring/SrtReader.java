package io.morsel.authoring;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads SubRip (SRT) captions strictly: blocks apart by blank lines, each a cue number, a timing line
 * {@code 00:01:02,500 --> 00:01:05,000} and the cue's text (HTML-like and {@code {\an8}} tags are dropped).
 */
final class SrtReader {

	private static final Pattern NUMBER = Pattern.compile("\\d{1,9}");
	private static final Pattern TIMING = Pattern
		.compile("(\\d{1,3}):(\\d{2}):(\\d{2}),(\\d{3})[ \t]+-->[ \t]+(\\d{1,3}):(\\d{2}):(\\d{2}),(\\d{3})(?:[ \t].*)?");
	private static final Pattern POSITION = Pattern.compile("\\{\\\\[^}]*}");

	private SrtReader() {
	}

	static Transcript read(String srt) {
		var lines = TranscriptLines.of(srt);
		var i = 0;
		while (i < lines.count()) {
			if (lines.blank(i)) {
				i++;
				continue;
			}
			if (!NUMBER.matcher(lines.at(i)).matches()) {
				throw new MalformedTranscript(i + 1, "authoring.refused.expected-cue-number-found-each-srt",
						shortened(lines.at(i)));
			}
			var timingLine = i + 1;
			if (lines.blank(timingLine)) {
				throw new MalformedTranscript(timingLine + 1, "authoring.refused.cue-number-must-followed-timing-line");
			}
			var timing = TIMING.matcher(lines.at(timingLine));
			if (!timing.matches()) {
				throw new MalformedTranscript(timingLine + 1, "authoring.refused.malformed-cue-timing-srt-writes-00",
						shortened(lines.at(timingLine)));
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
			lines.add(timingLine + 1, start, end,
					TranscriptLines.plain(POSITION.matcher(text.toString()).replaceAll("")));
			i = j;
		}
		return new Transcript(TranscriptFormat.SRT, lines.cues(), true);
	}

	private static long millis(Matcher timing, int group, int line) {
		var hours = Long.parseLong(timing.group(group));
		var minutes = Long.parseLong(timing.group(group + 1));
		var seconds = Long.parseLong(timing.group(group + 2));
		if (minutes > 59 || seconds > 59) {
			throw new MalformedTranscript(line + 1, "authoring.refused.minutes-seconds-cue-time-run-00");
		}
		return ((hours * 60 + minutes) * 60 + seconds) * 1000 + Long.parseLong(timing.group(group + 3));
	}

	private static String shortened(String line) {
		return line.length() > 60 ? line.substring(0, 60) + "…" : line;
	}
}
