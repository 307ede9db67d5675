package io.morsel.authoring;

import io.morsel.shared.InvalidValueException;
import org.jspecify.annotations.Nullable;

/**
 * A transcript Morsel cannot read: the rule it breaks and, where there is one, the line (counted from 1) that breaks
 * it, also as the problem detail's {@code line}. Answered 400 {@code /problems/validation}; forms show the message
 * beside what was sent.
 */
public class MalformedTranscript extends InvalidValueException {

	private final @Nullable Integer line;

	MalformedTranscript(@Nullable Integer line, String code, Object... arguments) {
		super("problem.title.malformed-transcript", line == null ? code : "authoring.refused.transcript-line",
				line == null ? arguments : new Object[] { line, resolve(code, arguments) });
		this.line = line;
		if (line != null) {
			getBody().setProperty("line", line);
		}
	}

	public @Nullable Integer line() {
		return line;
	}
}
