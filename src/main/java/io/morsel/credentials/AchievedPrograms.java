package io.morsel.credentials;

import io.morsel.catalog.ProgramId;
import io.morsel.catalog.ProgramReferences;
import io.morsel.identity.OrganisationId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An achievement whose rule names a program keeps it from being deleted. */
@Component
class AchievedPrograms implements ProgramReferences {

	private final JdbcClient jdbc;

	AchievedPrograms(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<String> of(OrganisationId organisation, ProgramId program) {
		var count = jdbc.sql("""
				SELECT COUNT(*)
				FROM achievement_programs ap
				JOIN achievements a ON a.id = ap.achievement_id
				WHERE a.organisation_id = :organisation
				  AND ap.program_id = :program
				""")
			.param("organisation", organisation.value())
			.param("program", program.value())
			.query(Long.class)
			.single();
		return count == 0 ? List.of() : List.of(count == 1 ? "1 achievement requires completing it" : count + " achievements require completing it");
	}
}
