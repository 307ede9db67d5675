package io.morsel.catalog;

import io.morsel.shared.ProblemException;
import io.morsel.shared.ProblemTypes;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A lesson or program cannot be deleted while something names it: answered 409 {@code /problems/in-use}, with what
 * names it as {@code references}. Archiving takes it out of learners' sight and keeps their records.
 */
public class ContentInUse extends ProblemException {

	ContentInUse(String code, List<String> references) {
		super(HttpStatus.CONFLICT, ProblemTypes.IN_USE, "problem.title.in-use",
				code, String.join("; ", references));
		getBody().setProperty("references", List.copyOf(references));
	}
}
