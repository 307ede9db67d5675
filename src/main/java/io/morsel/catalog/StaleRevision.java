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
		super(HttpStatus.PRECONDITION_FAILED, ProblemTypes.PRECONDITION_FAILED, "Changed meanwhile",
				"Someone saved this program after you opened it (it is now at revision " + current
						+ "). Open it again, and make your change on what they saved.");
		getBody().setProperty("revision", current);
	}
}
