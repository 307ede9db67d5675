package io.morsel.reinforcement;

/** Where a card is in FSRS's life cycle: never seen, in its first steps, in long-term review, or relearnt after a lapse. */
public enum CardState {

	NEW("New"), LEARNING("Learning"), REVIEW("Review"), RELEARNING("Relearning");

	private final String title;

	CardState(String title) {
		this.title = title;
	}

	/** The name FSRS implementations and the API use: {@code New}, {@code Learning}, {@code Review}, {@code Relearning}. */
	public String title() {
		return title;
	}
}
