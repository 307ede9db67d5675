package io.morsel.authoring;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The levels of Bloom's revised taxonomy, lowest first: what kind of doing an objective's verb asks for. */
public enum BloomLevel {

	REMEMBER, UNDERSTAND, APPLY, ANALYZE, EVALUATE, CREATE;

	@JsonValue
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}
}
