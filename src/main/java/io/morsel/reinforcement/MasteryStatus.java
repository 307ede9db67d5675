package io.morsel.reinforcement;

import java.util.Locale;

/** Where a learner stands with a skill (docs/reinforcement.md, "Mastery"). */
public enum MasteryStatus {

	/** The mastery rule holds. */
	MASTERED,
	/** Reviewed, and the rule does not hold yet. */
	LEARNING,
	/** No card of the skill yet. */
	NOT_STARTED,
	/** Mastered once, and the rule no longer holds: recall fell below the threshold, or an item was forgotten. */
	LAPSED;

	/** As the API and the pages say it: {@code mastered}, {@code not-started}. */
	public String label() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	static MasteryStatus ofColumn(String column) {
		return valueOf(column.toUpperCase(Locale.ROOT));
	}

	String column() {
		return name().toLowerCase(Locale.ROOT);
	}
}
