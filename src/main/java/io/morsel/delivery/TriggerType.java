package io.morsel.delivery;

import io.morsel.shared.InvalidValueException;
import java.util.regex.Pattern;

/** The type of a just-in-time trigger, such as {@code product.released} or {@code meeting.scheduled}. */
public record TriggerType(String value) {

	public static final String PATTERN = "[a-z0-9][a-z0-9._-]{0,79}";
	private static final Pattern VALID = Pattern.compile(PATTERN);

	public TriggerType {
		if (value == null || !VALID.matcher(value).matches()) {
			throw new InvalidValueException("delivery.refused.trigger-type-1-80-lower-case");
		}
	}

	@Override
	public String toString() {
		return value;
	}
}
