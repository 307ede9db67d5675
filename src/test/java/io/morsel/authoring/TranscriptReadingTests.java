package io.morsel.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Transcripts read from WebVTT, SRT and text, and every malformed one refused with the line to fix. */
class TranscriptReadingTests {

	@Test
	void readsWebVttCuesWithTheirTimesWithoutMarkupNotesOrIdentifiers() {
		var transcript = TranscriptFormat.WEBVTT.read("""
				WEBVTT - our onboarding webinar

				NOTE recorded in the small studio
				with the new microphone

				intro
				00:00:01.000 --> 00:00:04.500 align:start
				<v Dana>Welcome back, everyone.</v>

				00:04.500 --> 00:09.250
				Today we look at triage &amp; replies.
				Two lines of one cue.
				""");

		assertThat(transcript.timed()).isTrue();
		assertThat(transcript.cues()).extracting(TranscriptCue::startMillis, TranscriptCue::endMillis, TranscriptCue::text)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1000L, 4500L, "Welcome back, everyone."),
					org.assertj.core.groups.Tuple.tuple(4500L, 9250L,
							"Today we look at triage & replies. Two lines of one cue."));
		assertThat(transcript.cues().getFirst().line()).isEqualTo(7);
	}

	@Test
	void readsSrtCuesWithTheirTimes() {
		var transcript = TranscriptFormat.SRT.read("""
				1
				00:00:00,000 --> 00:00:03,200
				{\\an8}<i>Good morning.</i>

				2
				01:02:03,004 --> 01:02:05,000
				We start with grind size.
				""");

		assertThat(transcript.cues()).extracting(TranscriptCue::startMillis, TranscriptCue::text)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(0L, "Good morning."),
					org.assertj.core.groups.Tuple.tuple(3_723_004L, "We start with grind size."));
	}

	@Test
	void readsTimestampedTextEachParagraphRunningUntilTheNext() {
		var transcript = TranscriptFormat.TEXT.read("""
				# Pricing webinar

				[00:00] Hello and welcome.
				We begin with list prices.

				[01:30] - Discounts come next.

				1:02:00
				A stamp on its own line times the paragraph below.
				""");

		assertThat(transcript.timed()).isTrue();
		assertThat(transcript.cues()).extracting(TranscriptCue::startMillis, TranscriptCue::endMillis, TranscriptCue::text)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(0L, 90_000L, "Hello and welcome. We begin with list prices."),
					org.assertj.core.groups.Tuple.tuple(90_000L, 3_720_000L, "Discounts come next."),
					org.assertj.core.groups.Tuple.tuple(3_720_000L, 3_720_000L + 4_000L,
							"A stamp on its own line times the paragraph below."));
	}

	@Test
	void estimatesTheTimesOfMarkdownWithoutTimestampsFromItsWords() {
		var transcript = TranscriptFormat.TEXT.read("""
				## Part one

				- **Ten** words in this paragraph, said at a steady pace.

				Five [more](https://example.test) words said here.
				""");

		assertThat(transcript.timed()).isFalse();
		assertThat(transcript.cues()).extracting(TranscriptCue::startMillis, TranscriptCue::endMillis, TranscriptCue::text)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(0L, 4_000L, "Ten words in this paragraph, said at a steady pace."),
					org.assertj.core.groups.Tuple.tuple(4_000L, 6_000L, "Five more words said here."));
	}

	@Test
	void tellsTheFormatFromTheTranscriptWhenNoneIsNamed() {
		assertThat(TranscriptFormat.of(null, "\uFEFFWEBVTT\n\n00:01.000 --> 00:02.000\nHi")).isEqualTo(TranscriptFormat.WEBVTT);
		assertThat(TranscriptFormat.of("", "1\n00:00:01,000 --> 00:00:02,000\nHi")).isEqualTo(TranscriptFormat.SRT);
		assertThat(TranscriptFormat.of(null, "Just words.")).isEqualTo(TranscriptFormat.TEXT);
		assertThat(TranscriptFormat.of("VTT", "anything")).isEqualTo(TranscriptFormat.WEBVTT);
		assertThatThrownBy(() -> TranscriptFormat.of("docx", "anything")).isInstanceOf(MalformedTranscript.class)
			.hasMessageContaining("\"docx\" is not one Morsel reads");
	}

	@Test
	void refusesWebVttWithoutItsSignature() {
		assertRefused(TranscriptFormat.WEBVTT, "00:01.000 --> 00:02.000\nHello", 1, "starts with the line WEBVTT");
	}

	@Test
	void refusesAMalformedCueTimingNamingItsLine() {
		assertRefused(TranscriptFormat.WEBVTT, "WEBVTT\n\n00:01.000 --> 00:02.000\nOne\n\n00:03,000 --> 00:04,000\nTwo",
				6, "Malformed cue timing");
		assertRefused(TranscriptFormat.WEBVTT, "WEBVTT\n\n00:61.000 --> 00:62.000\nOne", 3, "run from 00 to 59");
		assertRefused(TranscriptFormat.SRT, "1\n00:00:01.000 --> 00:00:02.000\nOne", 2, "a comma before the milliseconds");
	}

	@Test
	void refusesCuesOutOfOrderOrOverlapping() {
		assertRefused(TranscriptFormat.WEBVTT,
				"WEBVTT\n\n00:05.000 --> 00:06.000\nLater\n\n00:01.000 --> 00:02.000\nEarlier", 6,
				"before the cue on line 3");
		assertRefused(TranscriptFormat.SRT,
				"1\n00:00:01,000 --> 00:00:05,000\nOne\n\n2\n00:00:04,000 --> 00:00:06,000\nTwo", 6, "must not overlap");
		assertRefused(TranscriptFormat.SRT, "1\n00:00:05,000 --> 00:00:04,000\nBackwards", 2, "before it starts");
	}

	@Test
	void refusesACueWhoseBlankLineIsMissing() {
		assertRefused(TranscriptFormat.SRT, "1\n00:00:01,000 --> 00:00:02,000\nOne\n2\n00:00:02,000 --> 00:00:03,000\nTwo",
				5, "blank line missing");
		assertRefused(TranscriptFormat.SRT, "One\n00:00:01,000 --> 00:00:02,000\nText", 1, "Expected a cue number");
	}

	@Test
	void refusesTextWhoseTimestampsAreMissingOrGoBackwards() {
		assertRefused(TranscriptFormat.TEXT, "[00:10] First.\n\nNo stamp here.", 3, "has no timestamp while others have");
		assertRefused(TranscriptFormat.TEXT, "[00:10] First.\n\n[00:05] Second.", 3, "is not after the one on line 1");
	}

	@Test
	void refusesWhatIsNotUtf8Text() {
		assertRefused(TranscriptFormat.TEXT, "Fine line.\nCaf\uFFFD au lait.", 2, "not UTF-8 text");
		assertRefused(TranscriptFormat.WEBVTT, "WEBVTT\n\n00:01.000 --> 00:02.000\nA\u0000B", 4, "control character");
	}

	@Test
	void refusesATranscriptWithoutSpeech() {
		assertThatThrownBy(() -> TranscriptFormat.TEXT.read("  \n ")).isInstanceOf(MalformedTranscript.class)
			.hasMessage("The transcript is empty");
		assertThatThrownBy(() -> TranscriptFormat.WEBVTT.read("WEBVTT\n\nNOTE only a note"))
			.isInstanceOf(MalformedTranscript.class)
			.hasMessage("The transcript has no spoken text");
	}

	@Test
	void refusesARecordingOverTwoHours() {
		assertRefused(TranscriptFormat.WEBVTT, "WEBVTT\n\n02:30:00.000 --> 02:30:05.000\nLate", 3, "up to two hours");
	}

	private static void assertRefused(TranscriptFormat format, String transcript, int line, String rule) {
		assertThatThrownBy(() -> format.read(transcript)).isInstanceOfSatisfying(MalformedTranscript.class, refused -> {
			assertThat(refused.line()).isEqualTo(line);
			assertThat(refused.getMessage()).startsWith("Line " + line + ": ").contains(rule);
			assertThat(refused.getBody().getProperties()).containsEntry("line", line);
		});
	}
}
