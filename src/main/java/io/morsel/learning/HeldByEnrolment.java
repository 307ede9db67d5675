package io.morsel.learning;

import io.morsel.catalog.HeldPrograms;
import io.morsel.catalog.ProgramId;
import io.morsel.identity.OrganisationId;
import io.morsel.identity.UserId;
import java.util.HashSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/** A learner holds the programs they are enrolled in: assigned by a manager (to them or their group), or joined. */
@Component
class HeldByEnrolment implements HeldPrograms {

	private final Enrolments enrolments;

	HeldByEnrolment(Enrolments enrolments) {
		this.enrolments = enrolments;
	}

	@Override
	public Set<ProgramId> of(OrganisationId organisation, UserId user) {
		var held = new HashSet<ProgramId>();
		enrolments.of(new Learner(organisation, user)).forEach(e -> held.add(e.programId()));
		return held;
	}
}
