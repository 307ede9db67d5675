package io.morsel.reinforcement;

import io.morsel.catalog.SkillsMerged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A merged skill's cards build the remaining skill from now on, and a learner's mastery of it moves over where they
 * had none of the remaining one (where they had both, the remaining skill's stands, and the next review decides it
 * again from all the cards). Safe to run twice: the second run finds nothing under the merged skill.
 */
@Component
class MergedSkillCards {

	private final JdbcClient jdbc;

	MergedSkillCards(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(SkillsMerged merged) {
		jdbc.sql("""
				UPDATE card_skills
				SET skill_id = :into
				WHERE organisation_id = :organisation
				  AND skill_id = :merged
				  AND NOT EXISTS (
				      SELECT 1
				      FROM card_skills o
				      WHERE o.card_id = card_skills.card_id
				        AND o.skill_id = :into)
				""")
			.param("organisation", merged.organisationId().value())
			.param("merged", merged.merged().value())
			.param("into", merged.into().value())
			.update();
		jdbc.sql("DELETE FROM card_skills WHERE organisation_id = :organisation AND skill_id = :merged")
			.param("organisation", merged.organisationId().value())
			.param("merged", merged.merged().value())
			.update();
		jdbc.sql("""
				UPDATE skill_mastery
				SET skill_id = :into
				WHERE organisation_id = :organisation
				  AND skill_id = :merged
				  AND NOT EXISTS (
				      SELECT 1
				      FROM skill_mastery o
				      WHERE o.organisation_id = skill_mastery.organisation_id
				        AND o.user_id = skill_mastery.user_id
				        AND o.skill_id = :into)
				""")
			.param("organisation", merged.organisationId().value())
			.param("merged", merged.merged().value())
			.param("into", merged.into().value())
			.update();
		jdbc.sql("DELETE FROM skill_mastery WHERE organisation_id = :organisation AND skill_id = :merged")
			.param("organisation", merged.organisationId().value())
			.param("merged", merged.merged().value())
			.update();
	}
}
