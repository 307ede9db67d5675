package io.morsel.credentials;

import io.morsel.catalog.ProgramId;
import io.morsel.catalog.Programs;
import io.morsel.catalog.Skill;
import io.morsel.catalog.SkillId;
import io.morsel.catalog.Skills;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.OrganisationId;
import io.morsel.shared.ConflictException;
import io.morsel.shared.InvalidValueException;
import io.morsel.shared.Timestamps;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organisation's achievements: authors and admins define them, the studio and the API list them, issuance reads
 * their rules. Achievements are never changed once defined in this version: an award always means what it meant.
 */
@Service
public class Achievements {

	private final JdbcClient jdbc;
	private final Skills skills;
	private final Programs programs;
	private final Clock clock;

	Achievements(JdbcClient jdbc, Skills skills, Programs programs, Clock clock) {
		this.jdbc = jdbc;
		this.skills = skills;
		this.programs = programs;
		this.clock = clock;
	}

	/**
	 * Defines an achievement of the author's organisation. Its skills and required achievements must be the
	 * organisation's own; as only existing achievements can be required, stacking never makes a cycle.
	 */
	@Transactional
	public Achievement define(CurrentMember author, NewAchievement achievement) {
		var organisation = author.organisationId();
		checkWords(achievement);
		var criteria = new Criteria(achievement.criteria(),
				achievement.skills().stream().map(SkillId::new).toList(),
				achievement.achievements().stream().map(AchievementId::new).toList(),
				achievement.programs() == null ? List.of()
						: achievement.programs().stream().map(ProgramId::new).toList(),
				achievement.minimumScore());
		for (var program : criteria.programs()) {
			if (programs.find(organisation, program).isEmpty()) {
				throw new InvalidValueException("credentials.refused.program-not-organisation-s-programs", program);
			}
		}
		var known = skills.of(organisation).stream().map(Skill::id).collect(Collectors.toSet());
		for (var skill : criteria.skills()) {
			if (!known.contains(skill)) {
				throw new InvalidValueException("credentials.refused.skill-not-organisation-s-skills", skill);
			}
		}
		var existing = of(organisation).stream().map(Achievement::id).collect(Collectors.toSet());
		for (var required : criteria.achievements()) {
			if (!existing.contains(required)) {
				throw new InvalidValueException("credentials.refused.achievement-not-organisation-s", required);
			}
		}
		var defined = new Achievement(AchievementId.random(), organisation, achievement.name().strip(),
				achievement.description().strip(), criteria, achievement.alignments(), achievement.creditHours(),
				achievement.validDays(), clock.instant(),
				achievement.graceDays() == null ? Achievement.DEFAULT_GRACE_DAYS : achievement.graceDays());
		try {
			jdbc.sql("""
					INSERT INTO achievements (id, organisation_id, name, description, criteria, credit_hours, valid_days,
					                          minimum_score, grace_days, created_by, created_at)
					VALUES (:id, :organisation, :name, :description, :criteria, :creditHours, :validDays, :minimumScore,
					        :graceDays, :createdBy, :createdAt)
					""")
				.param("id", defined.id().value())
				.param("organisation", organisation.value())
				.param("name", defined.name())
				.param("description", defined.description())
				.param("criteria", criteria.narrative())
				.param("creditHours", defined.creditHours())
				.param("validDays", defined.validDays())
				.param("minimumScore", criteria.minimumScore())
				.param("graceDays", defined.graceDays())
				.param("createdBy", author.userId().value())
				.param("createdAt", Timestamps.of(defined.createdAt()))
				.update();
		}
		catch (DuplicateKeyException e) {
			throw new ConflictException("credentials.refused.organisation-has-achievement-named-already",
					defined.name());
		}
		for (var skill : criteria.skills()) {
			jdbc.sql("INSERT INTO achievement_skills (achievement_id, skill_id) VALUES (:id, :skill)")
				.param("id", defined.id().value())
				.param("skill", skill.value())
				.update();
		}
		for (var required : criteria.achievements()) {
			jdbc.sql("INSERT INTO achievement_requirements (achievement_id, required_id) VALUES (:id, :required)")
				.param("id", defined.id().value())
				.param("required", required.value())
				.update();
		}
		for (var program : criteria.programs()) {
			jdbc.sql("INSERT INTO achievement_programs (achievement_id, program_id) VALUES (:id, :program)")
				.param("id", defined.id().value())
				.param("program", program.value())
				.update();
		}
		var position = 0;
		for (var alignment : defined.alignments()) {
			jdbc.sql("""
					INSERT INTO achievement_alignments (achievement_id, position, name, url, code)
					VALUES (:id, :position, :name, :url, :code)
					""")
				.param("id", defined.id().value())
				.param("position", position++)
				.param("name", alignment.name())
				.param("url", alignment.url())
				.param("code", alignment.code())
				.update();
		}
		return defined;
	}

	/** The organisation's achievements, by name. */
	@Transactional(readOnly = true)
	public List<Achievement> of(OrganisationId organisation) {
		var rows = jdbc.sql("""
				SELECT id, name, description, criteria, credit_hours, valid_days, minimum_score, grace_days, created_at
				FROM achievements
				WHERE organisation_id = :organisation
				ORDER BY name
				""")
			.param("organisation", organisation.value())
			.query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("name"),
					rs.getString("description"), rs.getString("criteria"), rs.getBigDecimal("credit_hours"),
					rs.getObject("valid_days", Integer.class), rs.getObject("minimum_score", Integer.class),
					Timestamps.read(rs, "created_at"), rs.getInt("grace_days")))
			.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		var skillsOf = linked(organisation, "achievement_skills", "skill_id", SkillId::new);
		var requiredOf = linked(organisation, "achievement_requirements", "required_id", AchievementId::new);
		var programsOf = linked(organisation, "achievement_programs", "program_id", ProgramId::new);
		var alignmentsOf = new HashMap<UUID, List<Alignment>>();
		jdbc.sql("""
				SELECT l.achievement_id, l.name, l.url, l.code
				FROM achievement_alignments l
				JOIN achievements a ON a.id = l.achievement_id
				WHERE a.organisation_id = :organisation
				ORDER BY l.achievement_id, l.position
				""")
			.param("organisation", organisation.value())
			.query(rs -> {
				alignmentsOf.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
					.add(new Alignment(rs.getString(2), rs.getString(3), rs.getString(4)));
			});
		var achievements = new LinkedHashMap<UUID, Achievement>();
		for (var row : rows) {
			achievements.put(row.id(), new Achievement(new AchievementId(row.id()), organisation, row.name(),
					row.description(), new Criteria(row.criteria(), skillsOf.getOrDefault(row.id(), List.of()),
							requiredOf.getOrDefault(row.id(), List.of()), programsOf.getOrDefault(row.id(), List.of()),
							row.minimumScore()),
					alignmentsOf.getOrDefault(row.id(), List.of()), row.creditHours(), row.validDays(), row.createdAt(),
					row.graceDays()));
		}
		return List.copyOf(achievements.values());
	}

	/** One of the organisation's achievements; another organisation's is not found. */
	@Transactional(readOnly = true)
	public Optional<Achievement> find(OrganisationId organisation, AchievementId id) {
		return of(organisation).stream().filter(a -> a.id().equals(id)).findFirst();
	}

	/** The organisation of an achievement, for its public image and page. */
	@Transactional(readOnly = true)
	public Optional<OrganisationId> organisationOf(AchievementId id) {
		return jdbc.sql("SELECT organisation_id FROM achievements WHERE id = :id")
			.param("id", id.value())
			.query(UUID.class)
			.optional()
			.map(OrganisationId::new);
	}

	/** The rules of {@link NewAchievement}'s annotations, for callers that do not validate it (the studio's form). */
	private static void checkWords(NewAchievement achievement) {
		if (achievement.name() == null || achievement.name().isBlank() || achievement.name().length() > 120) {
			throw new InvalidValueException("credentials.refused.achievement-needs-name-most-120-characters");
		}
		if (achievement.description() == null || achievement.description().isBlank()
				|| achievement.description().length() > 2000) {
			throw new InvalidValueException("credentials.refused.achievement-needs-description-most-2000-characters");
		}
		var hours = achievement.creditHours();
		if (hours != null && (hours.signum() < 0 || hours.compareTo(BigDecimal.valueOf(1000)) > 0
				|| hours.scale() > 2)) {
			throw new InvalidValueException("credentials.refused.credit-hours-between-0-1000-hundredths");
		}
		if (achievement.validDays() != null && (achievement.validDays() < 1 || achievement.validDays() > 36500)) {
			throw new InvalidValueException("credentials.refused.validity-period-1-36500-days");
		}
		if (achievement.graceDays() != null && (achievement.graceDays() < 0 || achievement.graceDays() > 365)) {
			throw new InvalidValueException("credentials.refused.grace-period-0-365-days");
		}
		if (achievement.programs() != null && achievement.programs().size() > 50) {
			throw new InvalidValueException("credentials.refused.achievement-names-most-50-programs");
		}
		if (achievement.alignments() == null || achievement.alignments().size() > 20) {
			throw new InvalidValueException("credentials.refused.achievement-has-most-20-alignments");
		}
	}

	private record Row(UUID id, String name, String description, String criteria, BigDecimal creditHours,
			Integer validDays, Integer minimumScore, java.time.Instant createdAt, int graceDays) {
	}

	/** The skills' names, for pages that list criteria. */
	@Transactional(readOnly = true)
	public Map<SkillId, String> skillNames(OrganisationId organisation) {
		return skills.of(organisation).stream().collect(Collectors.toMap(Skill::id, Skill::name));
	}

	/**
	 * The ids each of the organisation's achievements lists in one of its link tables (skills, required achievements,
	 * programs), by achievement; the table and column are this class's own names, never input.
	 */
	private <T> Map<UUID, List<T>> linked(OrganisationId organisation, String table, String column,
			Function<UUID, T> id) {
		var linked = new HashMap<UUID, List<T>>();
		jdbc.sql("""
				SELECT l.achievement_id, l.%s
				FROM %s l
				JOIN achievements a ON a.id = l.achievement_id
				WHERE a.organisation_id = :organisation
				""".formatted(column, table))
			.param("organisation", organisation.value())
			.query(rs -> {
				linked.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
					.add(id.apply(rs.getObject(2, UUID.class)));
			});
		return linked;
	}
}
