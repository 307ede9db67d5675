package io.morsel.learning;

import io.morsel.catalog.ProgramId;
import io.morsel.catalog.ProgramReferences;
import io.morsel.identity.OrganisationId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Enrolments name their program: a program with learners (even past ones' records) is archived, not deleted. */
@Component
class EnrolledPrograms implements ProgramReferences {

	private final JdbcClient jdbc;

	EnrolledPrograms(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<String> of(OrganisationId organisation, ProgramId program) {
		var count = jdbc.sql("""
				SELECT COUNT(*)
				FROM enrolments
				WHERE organisation_id = :organisation
				  AND program_id = :program
				""")
			.param("organisation", organisation.value())
			.param("program", program.value())
			.query(Long.class)
			.single();
		return count == 0 ? List.of() : List.of(count == 1 ? "1 learner is or was enrolled in it" : count + " learners are or were enrolled in it");
	}
}
