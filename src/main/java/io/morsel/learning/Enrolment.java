package io.morsel.learning;

import io.morsel.catalog.ProgramId;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A learner in a program.
 *
 * @param assigned whether a manager assigned it (else the learner joined)
 * @param dueAt when it is due: the end of the due date in the assigning manager's time zone, or the instant the API
 * gave
 * @param dueOn the due date as the manager picked it, which every learner sees as it is, in any time zone
 */
public record Enrolment(ProgramId programId, boolean assigned, @Nullable Instant dueAt, Instant enrolledAt,
		@Nullable LocalDate dueOn) {
}
