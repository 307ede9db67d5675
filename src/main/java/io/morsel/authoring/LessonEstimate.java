package io.morsel.authoring;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.morsel.catalog.Block;
import io.morsel.catalog.InteractionType;
import io.morsel.catalog.LessonContent;
import io.morsel.catalog.MediaRange;
import io.morsel.catalog.Transcripts;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * How long a learner takes over a lesson, from what it holds: its text at a reading speed of 200 words a minute
 * (alternative text and captions of images included, ten seconds to look at each), its video and audio for as long
 * as they play, and its questions by type. Media last as long as their file says where Morsel can read that (MP4,
 * M4A, WAV), else as long as their transcript runs, else as long as its words take to say at 150 a minute.
 */
public record LessonEstimate(int readingSeconds, int mediaSeconds, int interactionSeconds) {

	/** A micro-lesson takes 2–7 minutes; past 7 the author is warned. */
	public static final int WARN_ABOVE_MINUTES = 7;

	static final int WORDS_READ_A_MINUTE = 200;
	static final int WORDS_SPOKEN_A_MINUTE = 150;
	static final int SECONDS_AN_IMAGE = 10;

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");

	@JsonProperty
	public int seconds() {
		return readingSeconds + mediaSeconds + interactionSeconds;
	}

	/** Whole minutes, rounded up: a lesson of 7 minutes and 10 seconds is over 7. */
	@JsonProperty
	public int minutes() {
		return (seconds() + 59) / 60;
	}

	public boolean overWarning() {
		return seconds() > WARN_ABOVE_MINUTES * 60;
	}

	public boolean over(int limitMinutes) {
		return seconds() > limitMinutes * 60;
	}

	/** The estimate of a lesson whose stored media files last as {@code mediaFile} says (empty when unknown). */
	public static LessonEstimate of(LessonContent lesson, Function<String, OptionalLong> mediaFile) {
		var reading = 0.0;
		var media = 0L;
		var interactions = 0;
		for (var block : lesson.blocks()) {
			switch (block) {
				case Block.Text text -> reading += words(text.markdown()) * 60.0 / WORDS_READ_A_MINUTE;
				case Block.Image image -> reading += SECONDS_AN_IMAGE
						+ words(image.alt() + " " + (image.caption() == null ? "" : image.caption())) * 60.0
								/ WORDS_READ_A_MINUTE;
				case Block.Video video -> media += video.range() != null ? ranged(video.range())
						: played(video.media() == null ? OptionalLong.empty() : mediaFile.apply(video.media()),
								video.transcript());
				case Block.Audio audio -> media += audio.range() != null ? ranged(audio.range())
						: played(mediaFile.apply(audio.media()), audio.transcript());
				case Block.Resources resources -> reading += words(resources.items()
					.stream()
					.map(Block.Resource::title)
					.reduce("", (a, b) -> a + " " + b)) * 60.0 / WORDS_READ_A_MINUTE;
				case Block.Question question -> interactions += answering(InteractionType.of(question.interaction()));
			}
		}
		return new LessonEstimate((int) Math.ceil(reading), Math.toIntExact(media), interactions);
	}

	/** Seconds to read a question, answer it and read its feedback, by the kind of answer it asks for. */
	static int answering(InteractionType type) {
		return switch (type) {
			case SINGLE_CHOICE -> 30;
			case MULTIPLE_CHOICE, PICK_N -> 45;
			case MATCHING, ORDERING -> 60;
			case SHORT_TEXT -> 60;
			case SCENARIO -> 90;
			case EXERCISE -> 180;
		};
	}

	/** A block that plays part of its file takes as long as that part. */
	private static long ranged(MediaRange range) {
		return (long) Math.ceil(range.end() - range.start());
	}

	private static long played(OptionalLong file, String transcript) {
		if (file.isPresent()) {
			return file.getAsLong();
		}
		var cues = Transcripts.cues(transcript);
		if (!cues.isEmpty()) {
			return (cues.stream().mapToLong(Transcripts.Cue::endMillis).max().orElse(0) + 999) / 1000;
		}
		return Math.round(words(transcript) * 60.0 / WORDS_SPOKEN_A_MINUTE);
	}

	static int words(String text) {
		var count = 0;
		var m = WORD.matcher(text);
		while (m.find()) {
			count++;
		}
		return count;
	}
}
