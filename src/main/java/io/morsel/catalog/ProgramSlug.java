package io.morsel.catalog;

import io.morsel.shared.InvalidRequestException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A program's name in links and imports ("get-started"): lower-case letters, digits and dashes, at most 60
 * characters, never starting with a dash. It cannot be built otherwise, so the studio, the API and the demo catalog
 * refuse a slug by the same rule, with the same words.
 */
public record ProgramSlug(String value) {

	public static final int MAX_LENGTH = 60;

	/** What a slug made from a title keeps of it, leaving room for a "-2" when the title is taken. */
	static final int MAX_FROM_TITLE = 50;

	/** The rule as a regular expression, for schemas (the OpenAPI document) that state it. */
	public static final String PATTERN = "^[a-z0-9][a-z0-9-]{0," + (MAX_LENGTH - 1) + "}$";

	private static final Pattern RULE = Pattern.compile(PATTERN);

	public ProgramSlug {
		if (value == null || !RULE.matcher(value).matches()) {
			throw new InvalidRequestException("catalog.refused.program-s-slug-lower-case-letters", MAX_LENGTH);
		}
	}

	/**
	 * The title as a slug: accents dropped, every run of other characters a dash, at most 50 characters ("Get
	 * started!" becomes get-started); "program" when nothing of the title is left.
	 */
	public static ProgramSlug fromTitle(String title) {
		var slug = Normalizer.normalize(title, Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9]+", "-")
			.replaceAll("^-|-$", "");
		if (slug.length() > MAX_FROM_TITLE) {
			slug = slug.substring(0, MAX_FROM_TITLE).replaceAll("-+$", "");
		}
		return new ProgramSlug(slug.isEmpty() ? "program" : slug);
	}

	/** The n-th program of the same slug: "get-started-2". */
	public ProgramSlug numbered(int n) {
		var suffix = "-" + n;
		var base = value.length() + suffix.length() > MAX_LENGTH
				? value.substring(0, MAX_LENGTH - suffix.length()).replaceAll("-+$", "") : value;
		return new ProgramSlug(base + suffix);
	}

	@Override
	public String toString() {
		return value;
	}
}
