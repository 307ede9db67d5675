package io.morsel.authoring;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The forms a recording's transcript comes in: WebVTT and SubRip (SRT) captions, each cue with its times, and plain
 * text or Markdown, optionally with a timestamp ({@code [12:30]}, {@code 00:12:30}) at the start of a paragraph.
 */
public enum TranscriptFormat {

	WEBVTT, SRT, TEXT;

	private static final Pattern SRT_START = Pattern.compile("\\A\\s*\\d+\\s*\\R\\s*\\d{1,2}:\\d{2}:\\d{2}[,.]\\d{3}\\s+-->");

	/** The format named ({@code webvtt}, {@code vtt}, {@code srt}, {@code text}, {@code markdown}), else the one it looks like. */
	public static TranscriptFormat of(@Nullable String name, String transcript) {
		if (name == null || name.isBlank()) {
			return detect(transcript);
		}
		return switch (name.strip().toLowerCase(Locale.ROOT)) {
			case "webvtt", "vtt", "text/vtt" -> WEBVTT;
			case "srt", "subrip", "application/x-subrip" -> SRT;
			case "text", "txt", "markdown", "md", "text/plain", "text/markdown" -> TEXT;
			default -> throw new MalformedTranscript(null, "authoring.refused.transcript-format-not-morsel-reads-give",
					name.strip());
		};
	}

	/** WebVTT starts with its signature; SRT with a cue number and a timing line; everything else is text. */
	static TranscriptFormat detect(String transcript) {
		var start = transcript.startsWith("\uFEFF") ? transcript.substring(1) : transcript;
		if (start.startsWith("WEBVTT")) {
			return WEBVTT;
		}
		return SRT_START.matcher(start).lookingAt() ? SRT : TEXT;
	}

	/** The format named by a file's extension ({@code .vtt}, {@code .srt}, {@code .txt}, {@code .md}), if it names one. */
	public static @Nullable String ofFileName(@Nullable String fileName) {
		if (fileName == null) {
			return null;
		}
		var lower = fileName.toLowerCase(Locale.ROOT);
		if (lower.endsWith(".vtt")) {
			return "webvtt";
		}
		if (lower.endsWith(".srt")) {
			return "srt";
		}
		return lower.endsWith(".txt") || lower.endsWith(".md") || lower.endsWith(".markdown") ? "text" : null;
	}

	/** Reads the transcript in this format; a malformed one is refused naming the line. */
	public Transcript read(String transcript) {
		return switch (this) {
			case WEBVTT -> WebVttReader.read(transcript);
			case SRT -> SrtReader.read(transcript);
			case TEXT -> TextTranscriptReader.read(transcript);
		};
	}

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}
}
