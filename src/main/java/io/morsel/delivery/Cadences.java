package io.morsel.delivery;

import io.morsel.catalog.ProgramId;
import io.morsel.identity.OrganisationId;
import io.morsel.identity.UserId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cadence settings at each level (organisation, program, learner), and each learner's pause, snooze and channels: the
 * {@link Cadence} that applies to a learner (docs/delivery.md, "Cadence").
 */
@Service
public class Cadences {

	/** The levels at which cadence is set, broadest first. */
	public enum Level {
		ORGANISATION, PROGRAM, LEARNER
	}

	/** A learner's own choices beside their cadence settings. */
	public record Choices(boolean paused, @Nullable Instant snoozedUntil, boolean inApp, boolean email) {

		static final Choices DEFAULT = new Choices(false, null, true, true);
	}

	private final JdbcClient jdbc;

	Cadences(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The cadence that applies to the learner: organisation, then program (if any), then their own settings. */
	@Transactional(readOnly = true)
	public Cadence of(OrganisationId organisation, UserId learner, ZoneId zone, @Nullable ProgramId program) {
		var levels = levels(organisation, learner.value(), program == null ? null : program.value());
		var policy = CadencePolicy.resolve(levels.getOrDefault(Level.ORGANISATION, CadenceSettings.INHERIT),
				levels.getOrDefault(Level.PROGRAM, CadenceSettings.INHERIT),
				levels.getOrDefault(Level.LEARNER, CadenceSettings.INHERIT));
		var choices = choices(organisation, learner);
		return new Cadence(policy, zone, choices.paused(), choices.snoozedUntil());
	}

	/** The most learners whose settings one query reads, so that each is an index lookup. */
	static final int KEYS_PER_QUERY = 100;

	/**
	 * The policies that apply to these learners outside any program (the organisation's settings, then each learner's
	 * own), by learner, read a hundred learners a query: what {@link #of} resolves for one learner with no program.
	 */
	@Transactional(readOnly = true)
	public Map<UserId, CadencePolicy> policies(OrganisationId organisation, Collection<UserId> learners) {
		var organisationLevel = CadenceSettings.INHERIT;
		var own = new HashMap<UserId, CadenceSettings>();
		var all = learners.stream().map(UserId::value).toList();
		// In lists of a hundred keys, each an index lookup: with the floor planner's 2,000, PostgreSQL scanned the whole
		// table (EXPLAIN on 100,000 learners with settings of their own).
		for (var from = 0; from < all.size(); from += KEYS_PER_QUERY) {
			var rows = jdbc.sql("""
					SELECT max_per_day, max_per_week, quiet_hours, windows, weekdays_only, floor_days, level, subject_id
					FROM delivery_cadences
					WHERE organisation_id = :organisation
					  AND ((level = 'ORGANISATION' AND subject_id = :organisation)
					    OR (level = 'LEARNER' AND subject_id IN (:learners)))
					""")
				.param("organisation", organisation.value())
				.param("learners", all.subList(from, Math.min(all.size(), from + KEYS_PER_QUERY)))
				.query((rs, n) -> new LevelRow(Level.valueOf(rs.getString("level")), rs.getObject("subject_id", UUID.class),
						settings(rs)))
				.list();
			for (var row : rows) {
				if (row.level() == Level.ORGANISATION) {
					organisationLevel = row.settings();
				}
				else {
					own.put(new UserId(row.subject()), row.settings());
				}
			}
		}
		var policies = new HashMap<UserId, CadencePolicy>();
		for (var learner : learners) {
			policies.put(learner, CadencePolicy.resolve(organisationLevel, CadenceSettings.INHERIT,
					own.getOrDefault(learner, CadenceSettings.INHERIT)));
		}
		return policies;
	}

	/** What one level sets, everything inherited where it set nothing. */
	@Transactional(readOnly = true)
	public CadenceSettings settings(OrganisationId organisation, Level level, UUID subject) {
		return jdbc.sql("""
				SELECT max_per_day, max_per_week, quiet_hours, windows, weekdays_only, floor_days, level
				FROM delivery_cadences
				WHERE organisation_id = :organisation
				  AND level = :level
				  AND subject_id = :subject
				""")
			.param("organisation", organisation.value())
			.param("level", level.name())
			.param("subject", subject)
			.query((rs, n) -> settings(rs))
			.optional()
			.orElse(CadenceSettings.INHERIT);
	}

	/** Replaces what one level sets. */
	@Transactional
	public void set(OrganisationId organisation, Level level, UUID subject, CadenceSettings settings) {
		jdbc.sql("""
				DELETE FROM delivery_cadences
				WHERE organisation_id = :organisation
				  AND level = :level
				  AND subject_id = :subject
				""").param("organisation", organisation.value()).param("level", level.name()).param("subject", subject)
			.update();
		jdbc.sql("""
				INSERT INTO delivery_cadences (organisation_id, level, subject_id, max_per_day, max_per_week,
				                               quiet_hours, windows, weekdays_only, floor_days)
				VALUES (:organisation, :level, :subject, :perDay, :perWeek, :quiet, :windows, :weekdaysOnly, :floor)
				""")
			.param("organisation", organisation.value())
			.param("level", level.name())
			.param("subject", subject)
			.param("perDay", settings.maxPerDay())
			.param("perWeek", settings.maxPerWeek())
			.param("quiet", settings.quietHours() == null ? null : settings.quietHours().toString())
			.param("windows", settings.windows() == null ? null : TimeWindow.format(settings.windows()))
			.param("weekdaysOnly", settings.weekdaysOnly())
			.param("floor", settings.floorDays())
			.update();
	}

	@Transactional(readOnly = true)
	public Choices choices(OrganisationId organisation, UserId learner) {
		return jdbc.sql("""
				SELECT paused, snoozed_until, in_app, email
				FROM delivery_learners
				WHERE organisation_id = :organisation
				  AND user_id = :user
				""")
			.param("organisation", organisation.value())
			.param("user", learner.value())
			.query((rs, n) -> new Choices(rs.getBoolean("paused"), io.morsel.shared.Timestamps.read(rs, "snoozed_until"),
					rs.getBoolean("in_app"), rs.getBoolean("email")))
			.optional()
			.orElse(Choices.DEFAULT);
	}

	/** Records the learner's choices. */
	@Transactional
	public void choose(OrganisationId organisation, UserId learner, Choices choices) {
		known(organisation, learner);
		jdbc.sql("""
				UPDATE delivery_learners
				SET paused = :paused, snoozed_until = :snoozed, in_app = :inApp, email = :email
				WHERE organisation_id = :organisation
				  AND user_id = :user
				""")
			.param("paused", choices.paused())
			.param("snoozed", io.morsel.shared.Timestamps.of(choices.snoozedUntil()))
			.param("inApp", choices.inApp())
			.param("email", choices.email())
			.param("organisation", organisation.value())
			.param("user", learner.value())
			.update();
	}

	/** Makes sure the learner has a row to lock and to hold their choices. */
	void known(OrganisationId organisation, UserId learner) {
		jdbc.sql("""
				INSERT INTO delivery_learners (organisation_id, user_id)
				VALUES (:organisation, :user)
				ON CONFLICT DO NOTHING
				""").param("organisation", organisation.value()).param("user", learner.value()).update();
	}

	private Map<Level, CadenceSettings> levels(OrganisationId organisation, UUID learner, @Nullable UUID program) {
		var levels = new EnumMap<Level, CadenceSettings>(Level.class);
		jdbc.sql("""
				SELECT max_per_day, max_per_week, quiet_hours, windows, weekdays_only, floor_days, level
				FROM delivery_cadences
				WHERE organisation_id = :organisation
				  AND ((level = 'ORGANISATION' AND subject_id = :organisation)
				    OR (level = 'PROGRAM' AND subject_id = CAST(:program AS uuid))
				    OR (level = 'LEARNER' AND subject_id = :learner))
				""")
			.param("organisation", organisation.value())
			.param("program", program)
			.param("learner", learner)
			.query((rs, n) -> levels.put(Level.valueOf(rs.getString("level")), settings(rs)))
			.list();
		return levels;
	}

	private record LevelRow(Level level, UUID subject, CadenceSettings settings) {
	}

	private static CadenceSettings settings(java.sql.ResultSet rs) throws java.sql.SQLException {
		var quiet = rs.getString("quiet_hours");
		var windows = rs.getString("windows");
		return new CadenceSettings(rs.getObject("max_per_day", Integer.class), rs.getObject("max_per_week", Integer.class),
				quiet == null ? null : QuietHours.parse(quiet), windows == null ? null : TimeWindow.parseAll(windows),
				rs.getObject("weekdays_only", Boolean.class), rs.getObject("floor_days", Integer.class));
	}
}
