package io.morsel.catalog;

import io.morsel.shared.ProblemException;
import io.morsel.shared.ProblemTypes;
import org.springframework.http.HttpStatus;

/**
 * A save made from an older read of the program than the one stored: another editor saved in between. Answered 412
 * {@code /problems/precondition-failed} with the current revision; nothing is saved.
 */
public class StaleRevision extends ProblemException {

	StaleRevision(int current) {
		super(HttpStatus.PRECONDITION_FAILED, ProblemTypes.PRECONDITION_FAILED, "problem.title.changed-meanwhile",
				"catalog.refused.program-changed-meanwhile", current);
		getBody().setProperty("revision", current);
	}
}
