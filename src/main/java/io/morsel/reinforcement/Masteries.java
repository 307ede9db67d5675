package io.morsel.reinforcement;

import io.morsel.catalog.SkillId;
import io.morsel.identity.OrganisationId;
import io.morsel.identity.UserId;
import io.morsel.learning.Learner;
import io.morsel.shared.Timestamps;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Skills of cards, learners' stored mastery and organisations' thresholds (tables {@code card_skills},
 * {@code skill_mastery}, {@code reinforcement_settings}): SQL only, in the caller's transaction.
 */
@Component
class Masteries {

	/** One review of a card of a skill, with the card's stability after it. */
	record Reviewed(UUID cardId, SkillId skillId, double cardStability, Instant cardLastReview, Instant at,
			boolean correct, double stabilityAfter) {
	}

	/** A stored status, and while mastered the weakest card's memory. */
	record Stored(MasteryStatus status, @Nullable Instant lapsesAt, double weakestStability,
			@Nullable Instant weakestReviewedAt) {
	}

	/** A mastered skill whose recall fell below the threshold by now. */
	record Lapsing(Learner learner, SkillId skillId, double weakestStability, Instant weakestReviewedAt) {
	}

	/** A learner's card of a skill as the team table needs it. */
	record Memory(UserId userId, SkillId skillId, double stability, Instant lastReview) {
	}

	private final JdbcClient sql;
	private final JdbcTemplate jdbc;

	Masteries(JdbcClient sql, JdbcTemplate jdbc) {
		this.sql = sql;
		this.jdbc = jdbc;
	}

	/** Records the skills of new cards, in one statement. */
	void addSkills(Map<Cards.Card, ? extends Collection<SkillId>> skillsByCard) {
		record NewCardSkill(Cards.Card card, SkillId skill) {
		}
		var rows = skillsByCard.entrySet()
			.stream()
			.flatMap(entry -> entry.getValue().stream().map(skill -> new NewCardSkill(entry.getKey(), skill)))
			.toList();
		if (rows.isEmpty()) {
			return;
		}
		jdbc.batchUpdate("""
				INSERT INTO card_skills (card_id, organisation_id, user_id, skill_id)
				VALUES (?, ?, ?, ?)
				ON CONFLICT DO NOTHING
				""", rows, rows.size(), (statement, row) -> {
			var learner = row.card().learner();
			statement.setObject(1, row.card().id());
			statement.setObject(2, learner.organisationId().value());
			statement.setObject(3, learner.userId().value());
			statement.setObject(4, row.skill().value());
		});
	}

	/** The skills of each of these cards (a card without skills is absent). */
	Map<UUID, Set<SkillId>> skillsByCard(Collection<UUID> cards) {
		var skills = new HashMap<UUID, Set<SkillId>>();
		sql.sql("""
				SELECT card_id, skill_id
				FROM card_skills
				WHERE card_id IN (:cards)
				""")
			.param("cards", cards)
			.query((rs, n) -> new CardSkill(rs.getObject(1, UUID.class), new SkillId(rs.getObject(2, UUID.class))))
			.list()
			.forEach(row -> skills.computeIfAbsent(row.card(), card -> new HashSet<>()).add(row.skill()));
		return skills;
	}

	private record CardSkill(UUID card, SkillId skill) {
	}

	/** The skills of these cards, by learner, in the order of their ids: the order every writer locks them in. */
	Map<Learner, List<SkillId>> skillsOf(Collection<UUID> cards) {
		var skills = new LinkedHashMap<Learner, List<SkillId>>();
		sql.sql("""
				SELECT DISTINCT organisation_id, user_id, skill_id
				FROM card_skills
				WHERE card_id IN (:cards)
				ORDER BY organisation_id, user_id, skill_id
				""")
			.param("cards", cards)
			.query((rs, n) -> {
				var learner = new Learner(new OrganisationId(rs.getObject(1, UUID.class)),
						new UserId(rs.getObject(2, UUID.class)));
				skills.computeIfAbsent(learner, l -> new ArrayList<>()).add(new SkillId(rs.getObject(3, UUID.class)));
				return null;
			})
			.list();
		return skills;
	}

	/**
	 * Every review of the learner's cards of these skills (all their skills when {@code skills} is empty), in time
	 * order per card: one range scan of card_skills, then the cards and their reviews by id.
	 */
	List<Reviewed> reviews(Learner learner, Collection<SkillId> skills) {
		var query = """
				SELECT s.skill_id, c.id, c.stability AS card_stability, c.last_review, r.reviewed_at, r.correct,
				       r.stability
				FROM card_skills s
				JOIN review_cards c ON c.id = s.card_id
				JOIN reviews r ON r.card_id = c.id
				WHERE s.organisation_id = :organisation
				  AND s.user_id = :user
				""" + (skills.isEmpty() ? "" : "  AND s.skill_id IN (:skills)\n") + """
				ORDER BY s.skill_id, c.id, r.reviewed_at
				""";
		var statement = sql.sql(query)
			.param("organisation", learner.organisationId().value())
			.param("user", learner.userId().value());
		if (!skills.isEmpty()) {
			statement = statement.param("skills", skills.stream().map(SkillId::value).toList());
		}
		return statement.query((rs, n) -> new Reviewed(rs.getObject("id", UUID.class),
				new SkillId(rs.getObject("skill_id", UUID.class)), rs.getDouble("card_stability"),
				Timestamps.read(rs, "last_review"), Timestamps.read(rs, "reviewed_at"),
				Boolean.TRUE.equals(rs.getObject("correct")), rs.getDouble("stability")))
			.list();
	}

	/**
	 * The learner's stored statuses, locked until the commit when {@code lock} (in the order of the skills' ids, so that
	 * two writers never wait on each other in a circle), so that a change is seen once.
	 */
	Map<SkillId, Stored> stored(Learner learner, Collection<SkillId> skills, boolean lock) {
		var stored = new HashMap<SkillId, Stored>();
		var query = """
				SELECT skill_id, status, lapses_at, weakest_stability, weakest_reviewed_at
				FROM skill_mastery
				WHERE organisation_id = :organisation
				  AND user_id = :user
				""" + (skills.isEmpty() ? "" : "  AND skill_id IN (:skills)\n") + (lock ? "ORDER BY skill_id\nFOR UPDATE\n" : "");
		var statement = sql.sql(query)
			.param("organisation", learner.organisationId().value())
			.param("user", learner.userId().value());
		if (!skills.isEmpty()) {
			statement = statement.param("skills", skills.stream().map(SkillId::value).toList());
		}
		statement.query((rs, n) -> stored.put(new SkillId(rs.getObject("skill_id", UUID.class)),
				new Stored(MasteryStatus.ofColumn(rs.getString("status")), Timestamps.read(rs, "lapses_at"),
						rs.getDouble("weakest_stability"), Timestamps.read(rs, "weakest_reviewed_at"))))
			.list();
		return stored;
	}

	/** Every stored status of the organisation's learners. */
	Map<UserId, Map<SkillId, MasteryStatus>> stored(OrganisationId organisation) {
		var stored = new HashMap<UserId, Map<SkillId, MasteryStatus>>();
		sql.sql("""
				SELECT user_id, skill_id, status
				FROM skill_mastery
				WHERE organisation_id = :organisation
				""")
			.param("organisation", organisation.value())
			.query((rs, n) -> stored.computeIfAbsent(new UserId(rs.getObject(1, UUID.class)), u -> new HashMap<>())
				.put(new SkillId(rs.getObject(2, UUID.class)), MasteryStatus.ofColumn(rs.getString(3))))
			.list();
		return stored;
	}

	/**
	 * Stores a status; {@code false} when the row was not there to update and another transaction inserted it first
	 * (that one announces the change).
	 */
	boolean save(Learner learner, SkillId skill, MasteryStatus status, Instant at, @Nullable Instant lapsesAt,
			@Nullable Double weakestStability, @Nullable Instant weakestReviewedAt, boolean exists) {
		var statement = sql.sql(exists ? """
				UPDATE skill_mastery
				SET status = :status, changed_at = :at, lapses_at = :lapsesAt, weakest_stability = :stability,
				    weakest_reviewed_at = :reviewedAt
				WHERE organisation_id = :organisation
				  AND user_id = :user
				  AND skill_id = :skill
				""" : """
				INSERT INTO skill_mastery (organisation_id, user_id, skill_id, status, changed_at, lapses_at,
				                           weakest_stability, weakest_reviewed_at)
				VALUES (:organisation, :user, :skill, :status, :at, :lapsesAt, :stability, :reviewedAt)
				ON CONFLICT DO NOTHING
				""");
		return statement.param("status", status.column())
			.param("at", Timestamps.of(at))
			.param("lapsesAt", Timestamps.of(lapsesAt), Types.TIMESTAMP_WITH_TIMEZONE)
			.param("stability", weakestStability, Types.DOUBLE)
			.param("reviewedAt", Timestamps.of(weakestReviewedAt), Types.TIMESTAMP_WITH_TIMEZONE)
			.param("organisation", learner.organisationId().value())
			.param("user", learner.userId().value())
			.param("skill", skill.value())
			.update() > 0;
	}

	/**
	 * Mastered skills whose weakest card's recall fell below the threshold by {@code now}, at most {@code most}, locked
	 * until the commit: a range scan of the lapsing index. A scan running at the same time waits, then no longer sees
	 * them as mastered.
	 */
	List<Lapsing> lapsing(Instant now, int most) {
		return sql.sql("""
				SELECT organisation_id, user_id, skill_id, weakest_stability, weakest_reviewed_at
				FROM skill_mastery
				WHERE status = 'mastered'
				  AND lapses_at <= :now
				ORDER BY lapses_at
				LIMIT :most
				FOR UPDATE
				""")
			.param("now", Timestamps.of(now))
			.param("most", most)
			.query((rs, n) -> new Lapsing(new Learner(new OrganisationId(rs.getObject(1, UUID.class)),
					new UserId(rs.getObject(2, UUID.class))), new SkillId(rs.getObject(3, UUID.class)), rs.getDouble(4),
					Timestamps.read(rs, "weakest_reviewed_at")))
			.list();
	}

	/** Marks the skills lapsed; those this call changed (a row another scan marked first is no longer mastered). */
	List<Lapsing> lapse(List<Lapsing> lapsed, Instant at) {
		var counts = jdbc.batchUpdate("""
				UPDATE skill_mastery
				SET status = 'lapsed', changed_at = ?, lapses_at = NULL
				WHERE organisation_id = ?
				  AND user_id = ?
				  AND skill_id = ?
				  AND status = 'mastered'
				""", lapsed, lapsed.size(), (statement, lapsing) -> {
			statement.setObject(1, Timestamps.of(at));
			statement.setObject(2, lapsing.learner().organisationId().value());
			statement.setObject(3, lapsing.learner().userId().value());
			statement.setObject(4, lapsing.skillId().value());
		});
		var changed = new ArrayList<Lapsing>();
		var i = 0;
		for (var batch : counts) {
			for (var count : batch) {
				if (count != 0) { // 1, or SUCCESS_NO_INFO from a driver that does not count
					changed.add(lapsed.get(i));
				}
				i++;
			}
		}
		return changed;
	}

	/** Every card of the organisation's learners with its skills: the team table's recall. */
	List<Memory> memories(OrganisationId organisation) {
		return sql.sql("""
				SELECT s.user_id, s.skill_id, c.stability, c.last_review
				FROM card_skills s
				JOIN review_cards c ON c.id = s.card_id
				WHERE s.organisation_id = :organisation
				  AND c.last_review IS NOT NULL
				""")
			.param("organisation", organisation.value())
			.query((rs, n) -> new Memory(new UserId(rs.getObject(1, UUID.class)), new SkillId(rs.getObject(2, UUID.class)),
					rs.getDouble(3), Timestamps.read(rs, "last_review")))
			.list();
	}

	/** The organisation's thresholds, the defaults where it set none. */
	MasteryThresholds thresholds(OrganisationId organisation) {
		return sql.sql("""
				SELECT mastery_recall, mastery_days, mastery_interval_days
				FROM reinforcement_settings
				WHERE organisation_id = :organisation
				""")
			.param("organisation", organisation.value())
			.query((rs, n) -> {
				var defaults = MasteryThresholds.DEFAULT;
				return new MasteryThresholds(
						rs.getObject(1) == null ? defaults.recall() : rs.getDouble(1),
						rs.getObject(2) == null ? defaults.days() : rs.getInt(2),
						rs.getObject(3) == null ? defaults.intervalDays() : rs.getInt(3));
			})
			.optional()
			.orElse(MasteryThresholds.DEFAULT);
	}

	/** Sets the organisation's thresholds; a new settings row keeps FSRS's default desired retention. */
	void thresholds(OrganisationId organisation, MasteryThresholds thresholds) {
		var updated = sql.sql("""
				UPDATE reinforcement_settings
				SET mastery_recall = :recall, mastery_days = :days, mastery_interval_days = :interval
				WHERE organisation_id = :organisation
				""")
			.param("organisation", organisation.value())
			.param("recall", thresholds.recall())
			.param("days", thresholds.days())
			.param("interval", thresholds.intervalDays())
			.update();
		if (updated == 0) {
			sql.sql("""
					INSERT INTO reinforcement_settings (organisation_id, desired_retention, mastery_recall, mastery_days,
					                                    mastery_interval_days)
					VALUES (:organisation, :retention, :recall, :days, :interval)
					ON CONFLICT DO NOTHING
					""")
				.param("organisation", organisation.value())
				.param("retention", FsrsParameters.DEFAULT_RETENTION)
				.param("recall", thresholds.recall())
				.param("days", thresholds.days())
				.param("interval", thresholds.intervalDays())
				.update();
		}
	}
}
