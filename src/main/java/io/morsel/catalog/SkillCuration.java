package io.morsel.catalog;

import io.morsel.identity.OrganisationId;
import io.morsel.shared.ConflictException;
import io.morsel.shared.InvalidRequestException;
import io.morsel.shared.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Authors and admins keep the organisation's skill list tidy: a skill is renamed or described, or merged into another
 * (two names for one skill). Lessons name their skills in their content, so every version that names one is rewritten
 * with the new name, published versions included: the name is a label, and what a version teaches does not change.
 */
@Service
public class SkillCuration {

	private final JdbcClient jdbc;
	private final Skills skills;
	private final Lessons lessons;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	SkillCuration(JdbcClient jdbc, Skills skills, Lessons lessons, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.skills = skills;
		this.lessons = lessons;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Renames and describes a skill; the lessons that name it are rewritten with the new name.
	 * @throws NotFoundException when the organisation has no such skill
	 * @throws ConflictException when another of its skills has the name already
	 */
	@Transactional
	public Skill change(OrganisationId organisation, SkillId id, String name, @Nullable String description,
			@Nullable String frameworkCode) {
		var current = find(organisation, id);
		var changed = new Skill(id, name.strip(), description, frameworkCode);
		try {
			jdbc.sql("""
					UPDATE skills
					SET name = :name, description = :description, framework_code = :code
					WHERE id = :id
					  AND organisation_id = :organisation
					""")
				.param("name", changed.name())
				.param("description", description)
				.param("code", frameworkCode)
				.param("id", id.value())
				.param("organisation", organisation.value())
				.update();
		}
		catch (DuplicateKeyException e) {
			throw new ConflictException("catalog.refused.organisation-already-has-skill-named-merge", changed.name());
		}
		if (!current.name().equals(changed.name())) {
			lessons.renameSkill(id, current.name(), changed.name());
		}
		return changed;
	}

	/**
	 * Merges a skill into another: the lessons that named it name the other (once), and it is gone from the list.
	 * Other modules move what they kept under it ({@link SkillsMerged}).
	 * @throws NotFoundException when either is not one of the organisation's skills
	 * @throws InvalidRequestException when both are the same skill
	 */
	@Transactional
	public Skill merge(OrganisationId organisation, SkillId merged, SkillId into) {
		if (merged.equals(into)) {
			throw new InvalidRequestException("catalog.refused.skill-cannot-merged-into-itself");
		}
		var from = find(organisation, merged);
		var target = find(organisation, into);
		lessons.renameSkill(merged, from.name(), target.name());
		// Versions that named both keep one row; the others move to the remaining skill.
		jdbc.sql("""
				UPDATE lesson_skills
				SET skill_id = :into
				WHERE skill_id = :merged
				  AND NOT EXISTS (
				      SELECT 1
				      FROM lesson_skills o
				      WHERE o.lesson_id = lesson_skills.lesson_id
				        AND o.version = lesson_skills.version
				        AND o.skill_id = :into)
				""")
			.param("merged", merged.value())
			.param("into", into.value())
			.update();
		jdbc.sql("DELETE FROM lesson_skills WHERE skill_id = :merged").param("merged", merged.value()).update();
		jdbc.sql("DELETE FROM skills WHERE id = :merged AND organisation_id = :organisation")
			.param("merged", merged.value())
			.param("organisation", organisation.value())
			.update();
		events.publishEvent(new SkillsMerged(organisation, merged, into, clock.instant()));
		return target;
	}

	private Skill find(OrganisationId organisation, SkillId id) {
		return skills.of(organisation)
			.stream()
			.filter(s -> s.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("not-found.skill"));
	}
}
