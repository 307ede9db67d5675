package io.morsel.authoring;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What every transcript reader shares: the text split into lines (counted from 1, as the author's editor counts
 * them), refused when it is not text, and the cues' order checked as they are read.
 */
final class TranscriptLines {

	/** Two hours of captions is about 150,000 characters; this leaves room for long cue settings and notes. */
	static final int MAX_CHARACTERS = 1_000_000;

	private static final Pattern MARKUP = Pattern.compile("<[^>]*>");

	private final String[] lines;
	private final List<TranscriptCue> cues = new ArrayList<>();

	private TranscriptLines(String[] lines) {
		this.lines = lines;
	}

	static TranscriptLines of(String transcript) {
		if (transcript.isBlank()) {
			throw new MalformedTranscript(null, "authoring.refused.transcript-empty");
		}
		if (transcript.length() > MAX_CHARACTERS) {
			throw new MalformedTranscript(null, "authoring.refused.transcript-has-more-than-characters-more",
					MAX_CHARACTERS);
		}
		var text = transcript.startsWith("\uFEFF") ? transcript.substring(1) : transcript;
		var lines = text.split("\r\n|\r|\n", -1);
		for (var i = 0; i < lines.length; i++) {
			check(lines[i], i + 1);
		}
		return new TranscriptLines(lines);
	}

	int count() {
		return lines.length;
	}

	/** The line at this index (from 0), without surrounding spaces. */
	String at(int index) {
		return lines[index].strip();
	}

	boolean blank(int index) {
		return index >= lines.length || lines[index].isBlank();
	}

	/** Adds a cue after checking that it ends after it starts and follows the one before without overlapping it. */
	void add(int line, long start, long end, String text) {
		if (end <= start) {
			throw new MalformedTranscript(line, "authoring.refused.cue-ends-before-starts", clock(end), clock(start));
		}
		if (!cues.isEmpty()) {
			var previous = cues.getLast();
			if (start < previous.startMillis()) {
				throw new MalformedTranscript(line, "authoring.refused.cue-starts-before-cue-line-cues",
						clock(start), previous.line(), clock(previous.startMillis()));
			}
			if (start < previous.endMillis()) {
				throw new MalformedTranscript(line, "authoring.refused.cue-starts-while-cue-line-runs",
						clock(start), previous.line(), clock(previous.endMillis()));
			}
		}
		if (!text.isBlank()) {
			cues.add(new TranscriptCue(line, start, end, text));
		}
	}

	List<TranscriptCue> cues() {
		return cues;
	}

	/** Caption text without its markup (voices, classes, karaoke times) and with its character references read. */
	static String plain(String caption) {
		return MARKUP.matcher(caption)
			.replaceAll("")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&nbsp;", " ")
			.replace("&lrm;", "")
			.replace("&rlm;", "")
			.replace("&amp;", "&")
			.replaceAll("\\s+", " ")
			.strip();
	}

	/** A time as a person reads it: {@code 1:02:03.450}, or {@code 2:03.450} under an hour. */
	static String clock(long millis) {
		var seconds = millis / 1000;
		var fraction = millis % 1000;
		return seconds >= 3600
				? "%d:%02d:%02d.%03d".formatted(seconds / 3600, seconds / 60 % 60, seconds % 60, fraction)
				: "%d:%02d.%03d".formatted(seconds / 60, seconds % 60, fraction);
	}

	/**
	 * A transcript decoded as UTF-8 elsewhere (a browser, a JSON body) carries U+FFFD where bytes were not UTF-8, and
	 * a file that is not text carries control characters: both are refused at the first line that has them.
	 */
	private static void check(String line, int number) {
		for (var i = 0; i < line.length(); i++) {
			var c = line.charAt(i);
			if (c == '\uFFFD') {
				throw new MalformedTranscript(number, "authoring.refused.transcript-not-utf-8-text-character", (i + 1));
			}
			if (Character.isISOControl(c) && c != '\t') {
				throw new MalformedTranscript(number, "authoring.refused.transcript-holds-control-character",
						"%04X".formatted((int) c), i + 1);
			}
		}
	}
}
