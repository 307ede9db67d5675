package io.morsel.delivery;

import io.morsel.shared.InvalidValueException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A trigger's attributes: at most 50 names of 1 to 64 letters, digits, dots, dashes or underscores, each with a
 * string, number or boolean of at most 500 characters; conditions compare their text.
 */
public record Attributes(Map<String, String> values) {

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

	public Attributes {
		values = Map.copyOf(values);
	}

	public static final Attributes NONE = new Attributes(Map.of());

	/** The attributes of a request body: each value must be a string, a number or a boolean. */
	public static Attributes of(Map<String, ?> sent) {
		if (sent == null) {
			return NONE;
		}
		if (sent.size() > 50) {
			throw new InvalidValueException("delivery.refused.trigger-has-most-50-attributes");
		}
		var values = new LinkedHashMap<String, String>();
		sent.forEach((name, value) -> {
			checkName(name);
			if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
				throw new InvalidValueException("delivery.refused.attribute-must-string-number-boolean", name);
			}
			var text = value.toString();
			if (text.length() > 500) {
				throw new InvalidValueException("delivery.refused.attribute-longer-than-500-characters", name);
			}
			values.put(name, text);
		});
		return new Attributes(values);
	}

	static void checkName(String name) {
		if (name == null || !NAME.matcher(name).matches()) {
			throw new InvalidValueException("delivery.refused.attribute-name-1-64-letters-digits");
		}
	}

	/** Whether every condition names an attribute with exactly the expected text. */
	public boolean satisfy(Map<String, String> conditions) {
		return conditions.entrySet().stream().allMatch(c -> c.getValue().equals(values.get(c.getKey())));
	}
}
