package io.morsel.reinforcement;

import io.morsel.catalog.ProgramId;
import io.morsel.catalog.ProgramReferences;
import io.morsel.identity.OrganisationId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A program's own desired retention is a setting that names it. */
@Component
class RetainedPrograms implements ProgramReferences {

	private final JdbcClient jdbc;

	RetainedPrograms(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<String> of(OrganisationId organisation, ProgramId program) {
		var count = jdbc.sql("""
				SELECT COUNT(*)
				FROM program_retention
				WHERE organisation_id = :organisation
				  AND program_id = :program
				""")
			.param("organisation", organisation.value())
			.param("program", program.value())
			.query(Long.class)
			.single();
		return count == 0 ? List.of() : List.of("it has its own desired retention");
	}
}
