package io.morsel.authoring;

/**
 * One thing the linter found in an objective: a stable {@code code} for programs ({@code vague-verb},
 * {@code double-objective}, {@code no-verb}, {@code several-sentences}, {@code preamble}, {@code unlisted-verb},
 * {@code too-long}, {@code other-language}), a message for the author, and what to do about it.
 */
public record ObjectiveFinding(String code, String message, String suggestion) {

	public static final String VAGUE_VERB = "vague-verb";
	public static final String NO_VERB = "no-verb";
	public static final String DOUBLE_OBJECTIVE = "double-objective";
	public static final String SEVERAL_SENTENCES = "several-sentences";
	public static final String PREAMBLE = "preamble";
	public static final String UNLISTED_VERB = "unlisted-verb";
	public static final String TOO_LONG = "too-long";
	public static final String OTHER_LANGUAGE = "other-language";
}
