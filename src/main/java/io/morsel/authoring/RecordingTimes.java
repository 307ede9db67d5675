package io.morsel.authoring;

/** How the review page writes times and sentences: {@code 12:30}, {@code 1:02:03}, "4 min", a sentence's first words. */
final class RecordingTimes {

	static final RecordingTimes INSTANCE = new RecordingTimes();

	private static final int OPENING_WORDS = 10;

	public String clock(long millis) {
		var seconds = millis / 1000;
		return seconds >= 3600 ? "%d:%02d:%02d".formatted(seconds / 3600, seconds / 60 % 60, seconds % 60)
				: "%d:%02d".formatted(seconds / 60, seconds % 60);
	}

	public long minutes(long millis) {
		return Math.max(1, Math.round(millis / 60_000.0));
	}

	public String opening(String sentence) {
		var words = sentence.split("\\s+");
		return words.length <= OPENING_WORDS ? sentence
				: String.join(" ", java.util.Arrays.copyOf(words, OPENING_WORDS)) + "…";
	}
}
