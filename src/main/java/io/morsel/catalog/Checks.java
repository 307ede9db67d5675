package io.morsel.catalog;

import io.morsel.shared.InvalidValueException;
import java.util.Collection;
import java.util.HashSet;
import java.util.function.Function;

/** Argument checks shared by the catalog's value types; each failure names what was wrong. */
final class Checks {

	private Checks() {
	}

	static void id(String id, String what) {
		if (id == null || !id.matches("[A-Za-z0-9_-]{1,40}")) {
			throw new InvalidValueException("catalog.refused.must-1-40-letters-digits", what);
		}
	}

	static void text(String text, String what, int max) {
		if (text == null || text.isBlank()) {
			throw new InvalidValueException("catalog.refused.must-not-blank", what);
		}
		if (text.length() > max) {
			throw new InvalidValueException("catalog.refused.must-most-characters", what, max);
		}
	}

	static <T> void distinct(Collection<T> items, Function<T, String> key, String what) {
		var seen = new HashSet<String>();
		for (var item : items) {
			if (!seen.add(key.apply(item))) {
				throw new InvalidValueException("catalog.refused.appears-twice", what, key.apply(item));
			}
		}
	}
}
