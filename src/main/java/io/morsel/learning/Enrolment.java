package io.morsel.learning;

import io.morsel.catalog.ProgramId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A learner in a program.
 *
 * @param assigned whether a manager assigned it (else the learner joined)
 */
public record Enrolment(ProgramId programId, boolean assigned, @Nullable Instant dueAt, Instant enrolledAt) {
}
