package io.morsel.delivery;

import io.morsel.catalog.FollowedSkills;
import io.morsel.catalog.LessonSummary;
import io.morsel.catalog.Lessons;
import io.morsel.catalog.Skill;
import io.morsel.catalog.SkillId;
import io.morsel.catalog.Skills;
import io.morsel.identity.OrganisationId;
import io.morsel.identity.UserId;
import io.morsel.learning.Learner;
import io.morsel.shared.NotFoundException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The topics a learner follows: skills of their organisation's catalog, by which their catalog can be narrowed to the
 * lessons that teach them (docs/delivery.md, "Topics"); the catalog's page asks through {@link FollowedSkills}.
 */
@Service
public class Topics implements FollowedSkills {

	private final JdbcClient jdbc;
	private final Skills skills;
	private final Lessons lessons;

	Topics(JdbcClient jdbc, Skills skills, Lessons lessons) {
		this.jdbc = jdbc;
		this.skills = skills;
		this.lessons = lessons;
	}

	/** The organisation's skills the learner follows, by name. */
	@Transactional(readOnly = true)
	public List<Skill> followed(Learner learner) {
		var ids = new HashSet<>(ids(learner));
		return skills.of(learner.organisationId()).stream().filter(skill -> ids.contains(skill.id().value())).toList();
	}

	/**
	 * Follows one of the organisation's skills; following it again changes nothing.
	 *
	 * @throws NotFoundException when the skill is not the organisation's
	 */
	@Transactional
	public void follow(Learner learner, SkillId skill) {
		known(learner, skill);
		jdbc.sql("""
				INSERT INTO delivery_topics (organisation_id, user_id, skill_id)
				VALUES (:organisation, :user, :skill)
				ON CONFLICT DO NOTHING
				""").param("organisation", learner.organisationId().value()).param("user", learner.userId().value())
			.param("skill", skill.value()).update();
	}

	@Transactional
	public void unfollow(Learner learner, SkillId skill) {
		jdbc.sql("""
				DELETE FROM delivery_topics
				WHERE organisation_id = :organisation
				  AND user_id = :user
				  AND skill_id = :skill
				""").param("organisation", learner.organisationId().value()).param("user", learner.userId().value())
			.param("skill", skill.value()).update();
	}

	/** The published lessons that teach any topic the learner follows; none when they follow none. */
	@Transactional(readOnly = true)
	public List<LessonSummary> lessons(Learner learner) {
		return lessons.publishedWithSkills(learner.organisationId(), ids(learner).stream().map(SkillId::new).toList());
	}

	/** The skills the member follows, for the catalog's "My topics". */
	@Override
	@Transactional(readOnly = true)
	public Set<SkillId> of(OrganisationId organisation, UserId member) {
		return ids(new Learner(organisation, member)).stream().map(SkillId::new).collect(Collectors.toSet());
	}

	private List<UUID> ids(Learner learner) {
		return jdbc.sql("""
				SELECT skill_id
				FROM delivery_topics
				WHERE organisation_id = :organisation
				  AND user_id = :user
				""").param("organisation", learner.organisationId().value()).param("user", learner.userId().value())
			.query(UUID.class).list();
	}

	private void known(Learner learner, SkillId skill) {
		if (skills.of(learner.organisationId()).stream().noneMatch(s -> s.id().equals(skill))) {
			throw new NotFoundException("not-found.skill");
		}
	}
}
