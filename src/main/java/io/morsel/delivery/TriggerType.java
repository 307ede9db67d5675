package io.morsel.delivery;

import io.morsel.shared.InvalidValueException;
import java.util.regex.Pattern;

/** The type of a just-in-time trigger, such as {@code product.released} or {@code meeting.scheduled}. */
public record TriggerType(String value) {

	public static final String PATTERN = "[a-z0-9][a-z0-9._-]{0,79}";
	private static final Pattern VALID = Pattern.compile(PATTERN);

	public TriggerType {
		if (value == null || !VALID.matcher(value).matches()) {
			throw new InvalidValueException("A trigger type is 1 to 80 lower-case letters, digits, dots, dashes or "
					+ "underscores, such as meeting.scheduled");
		}
	}

	@Override
	public String toString() {
		return value;
	}
}
