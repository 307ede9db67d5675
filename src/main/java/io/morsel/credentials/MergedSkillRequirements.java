package io.morsel.credentials;

import io.morsel.catalog.SkillsMerged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * An achievement that required the merged skill requires the remaining one (once). Safe to run twice: the second run
 * finds nothing under the merged skill.
 */
@Component
class MergedSkillRequirements {

	private final JdbcClient jdbc;

	MergedSkillRequirements(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(SkillsMerged merged) {
		jdbc.sql("""
				UPDATE achievement_skills
				SET skill_id = :into
				WHERE skill_id = :merged
				  AND achievement_id IN (SELECT id FROM achievements WHERE organisation_id = :organisation)
				  AND NOT EXISTS (
				      SELECT 1
				      FROM achievement_skills o
				      WHERE o.achievement_id = achievement_skills.achievement_id
				        AND o.skill_id = :into)
				""")
			.param("organisation", merged.organisationId().value())
			.param("merged", merged.merged().value())
			.param("into", merged.into().value())
			.update();
		jdbc.sql("""
				DELETE FROM achievement_skills
				WHERE skill_id = :merged
				  AND achievement_id IN (SELECT id FROM achievements WHERE organisation_id = :organisation)
				""")
			.param("organisation", merged.organisationId().value())
			.param("merged", merged.merged().value())
			.update();
	}
}
