package io.morsel.authoring.api;

import io.morsel.shared.ProblemException;
import io.morsel.shared.ProblemTypes;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A request's {@code If-Match} (RFC 9110, 13.1.1) read as the program revisions it names. A change without one is
 * refused with 428, so that a client cannot overwrite a colleague's save by forgetting to say what it read.
 */
record IfMatch(boolean any, List<String> tags) {

	static IfMatch required(@Nullable String header) {
		if (header == null || header.isBlank()) {
			throw new PreconditionRequired();
		}
		if (header.strip().equals("*")) {
			return new IfMatch(true, List.of());
		}
		return new IfMatch(false, Arrays.stream(header.split(",")).map(String::strip).toList());
	}

	/**
	 * The revision to save on: the current one when a tag names it (strong comparison, so a weak tag never matches);
	 * none when {@code *}, which matches any stored program.
	 * @throws io.morsel.catalog.StaleRevision through the save, when no tag names the current revision
	 */
	OptionalInt revisionFor(int current) {
		if (any) {
			return OptionalInt.empty();
		}
		var currentTag = "\"" + current + "\"";
		// A tag naming no revision cannot match: the save is then made on an impossible revision and refused.
		return OptionalInt.of(tags.contains(currentTag) ? current : -1);
	}

	/** A change sent without {@code If-Match}: answered 428 {@code /problems/precondition-required}. */
	static final class PreconditionRequired extends ProblemException {

		PreconditionRequired() {
			super(HttpStatus.PRECONDITION_REQUIRED, ProblemTypes.PRECONDITION_REQUIRED, "problem.title.if-match-required",
					"authoring.refused.if-match-required");
		}
	}
}
