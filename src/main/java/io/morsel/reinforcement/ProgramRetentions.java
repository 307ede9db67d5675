package io.morsel.reinforcement;

import io.morsel.catalog.ProgramId;
import io.morsel.identity.OrganisationId;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Programs' own desired retention (table {@code program_retention}): SQL only, in the caller's transaction. */
@Component
class ProgramRetentions {

	private final JdbcClient sql;

	ProgramRetentions(JdbcClient sql) {
		this.sql = sql;
	}

	/** The organisation's programs that have a desired retention of their own, with it. */
	Map<ProgramId, Double> of(OrganisationId organisation) {
		record Row(ProgramId program, double retention) {
		}
		return sql.sql("""
				SELECT program_id, desired_retention
				FROM program_retention
				WHERE organisation_id = :organisation
				""")
			.param("organisation", organisation.value())
			.query((rs, n) -> new Row(new ProgramId(rs.getObject(1, UUID.class)), rs.getDouble(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Row::program, Row::retention));
	}

	void set(OrganisationId organisation, ProgramId program, double retention) {
		var updated = sql.sql("""
				UPDATE program_retention
				SET desired_retention = :retention
				WHERE organisation_id = :organisation
				  AND program_id = :program
				""")
			.param("organisation", organisation.value())
			.param("program", program.value())
			.param("retention", retention)
			.update();
		if (updated == 0) {
			sql.sql("""
					INSERT INTO program_retention (organisation_id, program_id, desired_retention)
					VALUES (:organisation, :program, :retention)
					ON CONFLICT DO NOTHING
					""")
				.param("organisation", organisation.value())
				.param("program", program.value())
				.param("retention", retention)
				.update();
		}
	}

	void clear(OrganisationId organisation, ProgramId program) {
		sql.sql("""
				DELETE FROM program_retention
				WHERE organisation_id = :organisation
				  AND program_id = :program
				""")
			.param("organisation", organisation.value())
			.param("program", program.value())
			.update();
	}
}
