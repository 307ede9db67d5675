package io.morsel.delivery;

import io.morsel.catalog.ProgramId;
import io.morsel.catalog.ProgramReferences;
import io.morsel.identity.OrganisationId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Trigger rules and planned or sent deliveries that bring a program keep it from being deleted. */
@Component
class DeliveredPrograms implements ProgramReferences {

	private final JdbcClient jdbc;

	DeliveredPrograms(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<String> of(OrganisationId organisation, ProgramId program) {
		var count = jdbc.sql("""
				SELECT (SELECT COUNT(*) FROM trigger_rules WHERE organisation_id = :organisation AND program_id = :program)
				     + (SELECT COUNT(*) FROM deliveries WHERE organisation_id = :organisation AND program_id = :program)
				""")
			.param("organisation", organisation.value())
			.param("program", program.value())
			.query(Long.class)
			.single();
		return count == 0 ? List.of() : List.of(count + " trigger rules and deliveries bring it");
	}
}
