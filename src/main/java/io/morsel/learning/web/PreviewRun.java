package io.morsel.learning.web;

import io.morsel.catalog.Response;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How far an author has played a draft in the preview (ADR 0038): the answers given so far, each judged again on every
 * request against the draft as it is then, and whether a lesson without questions was finished. It travels sealed in
 * the author's browser ({@link PreviewCookie}), never in a table, so the preview can reach the lesson's end and still
 * store nothing.
 *
 * @param started when the first answer of this run was given (milliseconds since the epoch), for the time taken
 * @param finished when a lesson without questions was finished, if it was
 * @param answers each question's latest response, by interaction id
 */
record PreviewRun(long started, @Nullable Long finished, Map<String, Given> answers) {

	/**
	 * The longest written answer the run keeps. A short answer is never longer; an application exercise's (up to 4,000
	 * characters) is kept cut, so that a run fits in one cookie. It earns the same credit, any text being an answer.
	 */
	static final int KEPT_TEXT = 500;

	static final PreviewRun NONE = new PreviewRun(0, null, Map.of());

	PreviewRun {
		answers = Map.copyOf(answers);
	}

	/** One response and when it was given (milliseconds since the epoch). */
	record Given(Response response, long at) {
	}

	/** The run with {@code response} as the question's answer, replacing any earlier one. */
	PreviewRun answered(String interaction, Response response, Instant at) {
		var kept = response instanceof Response.Text(var text) && text.length() > KEPT_TEXT
				? new Response.Text(text.substring(0, KEPT_TEXT)) : response;
		var given = new HashMap<>(answers);
		given.put(interaction, new Given(kept, at.toEpochMilli()));
		return new PreviewRun(answers.isEmpty() && finished == null ? at.toEpochMilli() : started, finished, given);
	}

	/** A lesson without questions, finished. */
	PreviewRun finish(Instant at) {
		return new PreviewRun(started == 0 ? at.toEpochMilli() : started, at.toEpochMilli(), answers);
	}

	boolean empty() {
		return answers.isEmpty() && finished == null;
	}
}
