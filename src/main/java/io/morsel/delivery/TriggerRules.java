package io.morsel.delivery;

import io.morsel.catalog.LessonId;
import io.morsel.catalog.Lessons;
import io.morsel.catalog.ProgramId;
import io.morsel.catalog.Programs;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.OrganisationId;
import io.morsel.shared.NotFoundException;
import io.morsel.shared.Timestamps;
import java.time.Clock;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The organisation's trigger rules, which managers and administrators write (docs/delivery.md, "Triggers"). */
@Service
public class TriggerRules {

	private final JdbcClient jdbc;
	private final Lessons lessons;
	private final Programs programs;
	private final Clock clock;

	TriggerRules(JdbcClient jdbc, Lessons lessons, Programs programs, Clock clock) {
		this.jdbc = jdbc;
		this.lessons = lessons;
		this.programs = programs;
		this.clock = clock;
	}

	/** Adds a rule; its lesson must be published in the organisation, its program one of the organisation's. */
	@Transactional
	public TriggerRule add(CurrentMember manager, TriggerType type, String name, Map<String, String> conditions,
			@Nullable LessonId lesson, @Nullable ProgramId program, RuleTiming timing) {
		var rule = new TriggerRule(UUID.randomUUID(), type, name == null ? "" : name.strip(), conditions, lesson,
				program, timing);
		var organisation = manager.organisationId();
		if (lesson != null && lessons.latestPublished(organisation, lesson).isEmpty()) {
			throw new NotFoundException("not-found.lesson");
		}
		if (program != null && programs.find(organisation, program).isEmpty()) {
			throw new NotFoundException("not-found.program");
		}
		jdbc.sql("""
				INSERT INTO trigger_rules (id, organisation_id, trigger_type, name, lesson_id, program_id,
				                           offset_minutes, day_offset, at_time, created_at)
				VALUES (:id, :organisation, :type, :name, :lesson, :program, :offset, :dayOffset, :at, :now)
				""")
			.param("id", rule.id())
			.param("organisation", organisation.value())
			.param("type", type.value())
			.param("name", rule.name())
			.param("lesson", lesson == null ? null : lesson.value())
			.param("program", program == null ? null : program.value())
			.param("offset", timing.offsetMinutes())
			.param("dayOffset", timing.dayOffset())
			.param("at", timing.at() == null ? null : timing.at().toString())
			.param("now", Timestamps.of(clock.instant()))
			.update();
		rule.conditions().forEach((attribute, expected) -> jdbc.sql("""
				INSERT INTO trigger_rule_conditions (rule_id, attribute, expected)
				VALUES (:rule, :attribute, :expected)
				""").param("rule", rule.id()).param("attribute", attribute).param("expected", expected).update());
		return rule;
	}

	@Transactional(readOnly = true)
	public List<TriggerRule> all(OrganisationId organisation) {
		return rules(organisation, null);
	}

	/** The organisation's rules for this type; none when nobody wrote one, which makes the type unknown. */
	@Transactional(readOnly = true)
	public List<TriggerRule> of(OrganisationId organisation, TriggerType type) {
		return rules(organisation, type);
	}

	@Transactional
	public void remove(CurrentMember manager, UUID id) {
		var removed = jdbc.sql("DELETE FROM trigger_rules WHERE organisation_id = :organisation AND id = :id")
			.param("organisation", manager.organisationId().value())
			.param("id", id)
			.update();
		if (removed == 0) {
			throw new NotFoundException("not-found.rule");
		}
	}

	private List<TriggerRule> rules(OrganisationId organisation, @Nullable TriggerType type) {
		var conditions = new HashMap<UUID, Map<String, String>>();
		jdbc.sql("""
				SELECT c.rule_id, c.attribute, c.expected
				FROM trigger_rule_conditions c
				JOIN trigger_rules r ON r.id = c.rule_id
				WHERE r.organisation_id = :organisation
				  AND (CAST(:type AS varchar) IS NULL OR r.trigger_type = CAST(:type AS varchar))
				""")
			.param("organisation", organisation.value())
			.param("type", type == null ? null : type.value())
			.query((rs, n) -> conditions.computeIfAbsent(rs.getObject(1, UUID.class), id -> new LinkedHashMap<>())
				.put(rs.getString(2), rs.getString(3)))
			.list();
		var rules = new ArrayList<TriggerRule>();
		jdbc.sql("""
				SELECT id, trigger_type, name, lesson_id, program_id, offset_minutes, day_offset, at_time
				FROM trigger_rules
				WHERE organisation_id = :organisation
				  AND (CAST(:type AS varchar) IS NULL OR trigger_type = CAST(:type AS varchar))
				ORDER BY trigger_type, created_at
				""")
			.param("organisation", organisation.value())
			.param("type", type == null ? null : type.value())
			.query((rs, n) -> {
				var id = rs.getObject("id", UUID.class);
				var lesson = rs.getObject("lesson_id", UUID.class);
				var program = rs.getObject("program_id", UUID.class);
				var at = rs.getString("at_time");
				return new TriggerRule(id, new TriggerType(rs.getString("trigger_type")), rs.getString("name"),
						conditions.getOrDefault(id, Map.of()), lesson == null ? null : new LessonId(lesson),
						program == null ? null : new ProgramId(program),
						new RuleTiming(rs.getInt("offset_minutes"), rs.getInt("day_offset"),
								at == null ? null : LocalTime.parse(at)));
			})
			.list()
			.forEach(rules::add);
		return rules;
	}
}
