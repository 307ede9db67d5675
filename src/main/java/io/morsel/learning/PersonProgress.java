package io.morsel.learning;

import io.morsel.identity.MemberId;
import io.morsel.identity.UserId;
import java.util.List;

/** One person of a manager's team and the programs they are enrolled in, overdue ones first. */
public record PersonProgress(MemberId memberId, UserId userId, String name, String email, List<AssignedProgress> programs) {

	public PersonProgress {
		programs = List.copyOf(programs);
	}

	public boolean overdue() {
		return programs.stream().anyMatch(AssignedProgress::overdue);
	}
}
