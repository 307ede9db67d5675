package io.morsel.authoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a transcript written as plain text or Markdown. Paragraphs (apart by blank lines) are the cues. A paragraph
 * may start with a timestamp ({@code [12:30]}, {@code (1:02:03)}, {@code 00:12:30 -}); once one does, every spoken
 * paragraph must, in order of time, and each runs until the next. Without timestamps the times are estimated from
 * the words. Markdown's list markers, emphasis and links are read as their words; its headings ({@code #} lines) are
 * not spoken but kept as the headings of the paragraphs below them, where a document's sections start.
 */
final class TextTranscriptReader {

	private static final Pattern STAMP = Pattern
		.compile("^[\\[(]?(?:(\\d{1,2}):)?(\\d{1,2}):(\\d{2})(?:[.,]\\d{1,3})?[\\])]?(?:\\s*[-–—:]\\s*|\\s+|$)");
	private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+");
	private static final Pattern CLOSING_HASHES = Pattern.compile("\\s+#+$");
	private static final Pattern LIST_MARKER = Pattern.compile("^(?:[-*+]|\\d{1,3}[.)])\\s+");
	private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)]\\([^)]*\\)");
	private static final Pattern EMPHASIS = Pattern.compile("[*_`]{1,3}");

	private record Paragraph(int line, @Nullable Long stamp, StringBuilder text) {
	}

	private TextTranscriptReader() {
	}

	static Transcript read(String text) {
		var lines = TranscriptLines.of(text);
		var paragraphs = new ArrayList<Paragraph>();
		var firstStamped = -1;
		var fence = false;
		Paragraph current = null;
		// The heading waiting for the paragraph below it, by the line that paragraph starts on.
		String heading = null;
		var headings = new HashMap<Integer, String>();
		for (var i = 0; i < lines.count(); i++) {
			var line = lines.at(i);
			if (line.startsWith("```") || line.startsWith("~~~")) {
				fence = !fence;
				current = null;
				continue;
			}
			var headingMark = HEADING.matcher(line);
			if (!fence && headingMark.find()) {
				// A heading is what the page shows, not what the presenter says; it names the section below it.
				var title = words(CLOSING_HASHES.matcher(line.substring(headingMark.end())).replaceFirst("")).strip();
				heading = title.isEmpty() ? heading : title;
				current = null;
				continue;
			}
			if (fence || lines.blank(i) || line.matches("[-=*_ ]{3,}")) {
				// Headings, rules and code are what the page shows, not what the presenter says.
				current = null;
				continue;
			}
			var stamp = STAMP.matcher(line);
			if (stamp.find()) {
				var at = millis(stamp, i);
				if (firstStamped < 0) {
					firstStamped = i;
				}
				current = new Paragraph(i + 1, at, new StringBuilder());
				paragraphs.add(current);
				heading = underHeading(heading, current, headings);
				line = line.substring(stamp.end());
			}
			else if (current == null && !paragraphs.isEmpty() && paragraphs.getLast().text().isEmpty()) {
				// A timestamp on a line of its own times the paragraph below it.
				current = paragraphs.getLast();
			}
			else if (current == null) {
				current = new Paragraph(i + 1, null, new StringBuilder());
				paragraphs.add(current);
				heading = underHeading(heading, current, headings);
			}
			current.text().append(' ').append(words(line));
		}
		var transcript = firstStamped < 0 ? untimed(lines, paragraphs) : timed(lines, paragraphs);
		if (headings.isEmpty()) {
			return transcript;
		}
		var byCue = new HashMap<Integer, String>();
		var cues = transcript.cues();
		for (var c = 0; c < cues.size(); c++) {
			var title = headings.get(cues.get(c).line());
			if (title != null) {
				byCue.put(c, title);
			}
		}
		return new Transcript(transcript.format(), cues, transcript.timed(), byCue);
	}

	/** Keeps the waiting heading for this paragraph; none waits after it. */
	private static @Nullable String underHeading(@Nullable String heading, Paragraph paragraph, Map<Integer, String> headings) {
		if (heading != null) {
			headings.put(paragraph.line(), heading);
		}
		return null;
	}

	private static Transcript untimed(TranscriptLines lines, List<Paragraph> paragraphs) {
		var at = 0L;
		for (var paragraph : paragraphs) {
			var spoken = paragraph.text().toString().strip();
			var end = at + Transcript.speakingMillis(spoken);
			lines.add(paragraph.line(), at, end, spoken);
			at = end;
		}
		return new Transcript(TranscriptFormat.TEXT, lines.cues(), false);
	}

	private static Transcript timed(TranscriptLines lines, List<Paragraph> paragraphs) {
		Paragraph previous = null;
		for (var paragraph : paragraphs) {
			if (paragraph.stamp() == null) {
				throw new MalformedTranscript(paragraph.line(), "authoring.refused.paragraph-has-no-timestamp-while-others");
			}
			if (previous != null && paragraph.stamp() <= previous.stamp()) {
				throw new MalformedTranscript(paragraph.line(), "authoring.refused.timestamp-not-after-line-paragraphs-must",
						TranscriptLines.clock(paragraph.stamp()), previous.line(),
						TranscriptLines.clock(previous.stamp()));
			}
			previous = paragraph;
		}
		for (var i = 0; i < paragraphs.size(); i++) {
			var paragraph = paragraphs.get(i);
			var spoken = paragraph.text().toString().strip();
			var end = i + 1 < paragraphs.size() ? paragraphs.get(i + 1).stamp()
					: paragraph.stamp() + Transcript.speakingMillis(spoken);
			lines.add(paragraph.line(), paragraph.stamp(), end, spoken);
		}
		return new Transcript(TranscriptFormat.TEXT, lines.cues(), true);
	}

	private static String words(String line) {
		var plain = LIST_MARKER.matcher(line).replaceFirst("");
		plain = LINK.matcher(plain).replaceAll("$1");
		plain = EMPHASIS.matcher(plain).replaceAll("");
		return TranscriptLines.plain(plain);
	}

	private static long millis(Matcher stamp, int line) {
		var hours = stamp.group(1) == null ? 0 : Long.parseLong(stamp.group(1));
		var minutes = Long.parseLong(stamp.group(2));
		var seconds = Long.parseLong(stamp.group(3));
		if (seconds > 59 || hours > 0 && minutes > 59) {
			throw new MalformedTranscript(line + 1, "authoring.refused.minutes-seconds-timestamp-run-00-59");
		}
		return ((hours * 60 + minutes) * 60 + seconds) * 1000;
	}
}
