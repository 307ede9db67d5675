package io.morsel.catalog;

import io.morsel.identity.OrganisationId;
import io.morsel.shared.ConflictException;
import io.morsel.shared.InvalidRequestException;
import io.morsel.shared.Timestamps;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each organisation's list of skills, which lessons are tagged with. Names are unique within an organisation. */
@Service
public class Skills {

	private final JdbcClient jdbc;
	private final Clock clock;

	Skills(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Skill> of(OrganisationId organisation) {
		return jdbc.sql("""
				SELECT id, name, description, framework_code
				FROM skills
				WHERE organisation_id = :organisation
				ORDER BY name
				""")
			.param("organisation", organisation.value())
			.query((rs, n) -> new Skill(new SkillId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3),
					rs.getString(4)))
			.list();
	}

	@Transactional
	public Skill add(OrganisationId organisation, String name, @Nullable String description,
			@Nullable String frameworkCode) {
		var skill = new Skill(SkillId.random(), name.strip(), description, frameworkCode);
		try {
			jdbc.sql("""
					INSERT INTO skills (id, organisation_id, name, description, framework_code, created_at)
					VALUES (:id, :organisation, :name, :description, :code, :now)
					""")
				.param("id", skill.id().value())
				.param("organisation", organisation.value())
				.param("name", skill.name())
				.param("description", description)
				.param("code", frameworkCode)
				.param("now", Timestamps.of(clock.instant()))
				.update();
		}
		catch (DuplicateKeyException e) {
			throw new ConflictException("catalog.refused.organisation-already-has-skill-named", skill.name());
		}
		return skill;
	}

	/** The ids of the named skills; every name must be one of the organisation's skills (case does not matter). */
	List<SkillId> idsOf(OrganisationId organisation, List<String> names) {
		if (names.isEmpty()) {
			return List.of();
		}
		var known = of(organisation);
		var missing = names.stream()
			.filter(name -> known.stream().noneMatch(s -> s.name().equalsIgnoreCase(name)))
			.toList();
		if (!missing.isEmpty()) {
			throw new InvalidRequestException("catalog.refused.unknown-skill-add-them-organisation-s",
					(missing.size() > 1 ? "s" : ""), String.join(", ", missing));
		}
		return names.stream()
			.map(name -> known.stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst().orElseThrow().id())
			.toList();
	}
}
