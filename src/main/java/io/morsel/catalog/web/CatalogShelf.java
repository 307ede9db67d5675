package io.morsel.catalog.web;

import io.morsel.catalog.Covers;
import io.morsel.catalog.FollowedSkills;
import io.morsel.catalog.LessonId;
import io.morsel.catalog.LessonSummary;
import io.morsel.catalog.Lessons;
import io.morsel.catalog.Program;
import io.morsel.catalog.ProgramId;
import io.morsel.catalog.ProgramSights;
import io.morsel.catalog.Programs;
import io.morsel.catalog.Skill;
import io.morsel.catalog.SkillId;
import io.morsel.catalog.Skills;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Role;
import io.morsel.shared.InvalidValueException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What the catalog's page shows a learner: the published lessons and offered programs, all of them, those that teach
 * one skill, or those that teach the skills the learner follows ("My topics"). A program is in a narrowed list when
 * one of its lessons is. A partner sees only what {@link ProgramSights} lets them.
 */
@Component
class CatalogShelf {

	/** The one value of the {@code topics} filter. */
	static final String MINE = "mine";

	private final Lessons lessons;
	private final Programs programs;
	private final Skills skills;
	private final List<FollowedSkills> followed;
	private final ProgramSights sights;
	private final Covers covers;

	CatalogShelf(Lessons lessons, Programs programs, Skills skills, ObjectProvider<FollowedSkills> followed,
			ProgramSights sights, Covers covers) {
		this.sights = sights;
		this.covers = covers;
		this.lessons = lessons;
		this.programs = programs;
		this.skills = skills;
		this.followed = followed.orderedStream().toList();
	}

	/**
	 * @param skill the id of one of the organisation's skills, or blank for all
	 * @param topics {@value #MINE} for the learner's topics, or blank
	 * @throws InvalidValueException on a skill that is not one of the organisation's, a topics value other than
	 *         {@value #MINE}, or both filters at once
	 */
	Shelf of(CurrentMember member, @Nullable String skill, @Nullable String topics) {
		var all = skills.of(member.organisationId());
		var chosen = chosen(member, all, blankToNull(skill), blankToNull(topics));
		var sight = sights.of(member);
		var shown = (chosen == null ? lessons.published(member.organisationId())
				: lessons.publishedWithSkills(member.organisationId(), chosen))
			.stream()
			.filter(lesson -> sight.sees(lesson.id()))
			.toList();
		var ids = new HashSet<LessonId>();
		shown.forEach(lesson -> ids.add(lesson.id()));
		var offered = programs.all(member.organisationId()).stream()
			.filter(Program::offered)
			.filter(program -> sight.sees(program.id()))
			.filter(program -> chosen == null || program.lessons().stream().anyMatch(ids::contains))
			.toList();
		var paths = new HashMap<ProgramId, String>();
		offered.forEach(program -> paths.put(program.id(), covers.path(member.organisationId(), program)));
		var versions = new HashMap<LessonId, Integer>();
		shown.stream()
			.filter(lesson -> lesson.publishedVersion() != null)
			.forEach(lesson -> versions.put(lesson.id(), lesson.publishedVersion()));
		var lessonCovers = covers.paths(member.organisationId(), versions);
		return new Shelf(all, shown, offered, paths, lessonCovers, blankToNull(skill), MINE.equals(topics), !followed.isEmpty(),
				member.has(Role.MANAGER) || member.has(Role.ADMIN));
	}

	private @Nullable Set<SkillId> chosen(CurrentMember member, List<Skill> all, @Nullable String skill,
			@Nullable String topics) {
		if (skill != null && topics != null) {
			throw new InvalidValueException("catalog.refused.filter-skill-your-topics-not-both");
		}
		if (topics != null) {
			if (!MINE.equals(topics) || followed.isEmpty()) {
				throw new InvalidValueException("catalog.refused.topics-mine-absent");
			}
			var mine = new HashSet<SkillId>();
			followed.forEach(source -> mine.addAll(source.of(member.organisationId(), member.userId())));
			return mine;
		}
		if (skill == null) {
			return null;
		}
		var id = skillId(skill);
		if (all.stream().noneMatch(known -> known.id().equals(id))) {
			throw new InvalidValueException("catalog.refused.no-skill-catalog", skill);
		}
		return Set.of(id);
	}

	private static SkillId skillId(String skill) {
		try {
			return new SkillId(UUID.fromString(skill));
		}
		catch (IllegalArgumentException notAnId) {
			throw new InvalidValueException("catalog.refused.no-skill-catalog", skill);
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	/**
	 * @param skill the skill filtered by, if any
	 * @param mine whether the list is narrowed to the learner's topics
	 * @param topicsOffered whether "My topics" can be offered at all
	 * @param covers each program's cover address
	 * @param lessonCovers the cover address of each lesson's published version
	 * @param seesOutcomes whether the member manages or runs the organisation: they read programs' business outcomes,
	 *        which are not written for learners
	 */
	record Shelf(List<Skill> skills, List<LessonSummary> lessons, List<Program> programs,
			Map<ProgramId, String> covers, Map<LessonId, String> lessonCovers, @Nullable String skill, boolean mine, boolean topicsOffered,
			boolean seesOutcomes) {
	}
}
