package io.morsel.shared;

import org.jspecify.annotations.Nullable;

/**
 * One page of a long list, as a person asks for it in the URL ({@code ?page=3&size=50}): its number, from 1, and how
 * many rows it holds. A number that is not a whole number, or below 1, is refused (400); a size above
 * {@link #MAX_SIZE} is cut down to it, so that no URL renders a whole organisation.
 */
public record PageRequest(int number, int size) {

	public static final int DEFAULT_SIZE = 50;

	public static final int MAX_SIZE = 200;

	public static final PageRequest FIRST = new PageRequest(1, DEFAULT_SIZE);

	public PageRequest {
		if (number < 1) {
			throw new InvalidValueException("shared.refused.page-number-from-one", number);
		}
		if (size < 1) {
			throw new InvalidValueException("shared.refused.page-size-from-one", size);
		}
		size = Math.min(size, MAX_SIZE);
	}

	/** The page the URL's {@code page} and {@code size} ask for; absent ones take the first page and the default size. */
	public static PageRequest of(@Nullable String number, @Nullable String size) {
		return new PageRequest(whole(number, 1, "shared.refused.page-number-whole"),
				whole(size, DEFAULT_SIZE, "shared.refused.page-size-whole"));
	}

	private static int whole(@Nullable String value, int absent, String refusal) {
		if (value == null || value.isBlank()) {
			return absent;
		}
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException notWhole) {
			// Past the int range is a typo as much as a letter is.
			throw new InvalidValueException(refusal, value);
		}
	}

	/** How many rows come before this page. */
	public long offset() {
		return (long) (number - 1) * size;
	}

	/** The page of the same size with this number. */
	public PageRequest numbered(int other) {
		return new PageRequest(other, size);
	}
}
