package io.morsel.search;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where in a lesson a result was found: what a learner filters by as the content type. */
public enum ContentKind {

	TITLE, OBJECTIVE, TEXT, TRANSCRIPT, QUESTION, IMAGE;

	/** As the API and the index spell it: {@code title}, {@code transcript}, ... */
	@JsonValue
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<ContentKind> of(String key) {
		return Arrays.stream(values()).filter(k -> k.key().equals(key)).findFirst();
	}
}
