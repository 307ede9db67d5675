package io.morsel.learning;

import io.morsel.identity.CurrentMember;
import io.morsel.identity.OrganisationId;
import io.morsel.identity.Teammates;
import io.morsel.identity.UserId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Team leaderboards, without dark patterns: off unless the organisation turns them on, and then only learners who join
 * are on them. A member who joined sees, for each group they belong to, the members of that group who joined too,
 * ranked by the minutes learned in the last seven days of the viewer's calendar (then lessons completed). Nobody who
 * did not join is shown, counted or compared; leaving takes a learner off at once.
 */
@Service
public class Leaderboards {

	/** The days a board counts, today included. */
	public static final int DAYS = 7;

	private final JdbcClient sql;
	private final Teammates teammates;
	private final Clock clock;

	Leaderboards(JdbcClient sql, Teammates teammates, Clock clock) {
		this.sql = sql;
		this.teammates = teammates;
		this.clock = clock;
	}

	/** Whether the organisation turned its team leaderboards on. */
	@Transactional(readOnly = true)
	public boolean enabled(OrganisationId organisation) {
		return sql.sql("SELECT enabled FROM leaderboard_settings WHERE organisation_id = :organisation")
			.param("organisation", organisation.value())
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/** Turns the organisation's team leaderboards on or off; who joined stays joined for when they are on again. */
	@Transactional
	public void enable(OrganisationId organisation, boolean enabled) {
		var now = Timestamp.from(clock.instant());
		var changed = sql.sql("""
				UPDATE leaderboard_settings
				SET enabled = :enabled, changed_at = :now
				WHERE organisation_id = :organisation
				""")
			.param("organisation", organisation.value())
			.param("enabled", enabled)
			.param("now", now)
			.update();
		if (changed == 0) {
			sql.sql("""
					INSERT INTO leaderboard_settings (organisation_id, enabled, changed_at)
					VALUES (:organisation, :enabled, :now)
					ON CONFLICT DO NOTHING
					""")
				.param("organisation", organisation.value())
				.param("enabled", enabled)
				.param("now", now)
				.update();
		}
	}

	/** Whether the learner joined their organisation's leaderboards. */
	@Transactional(readOnly = true)
	public boolean joined(Learner learner) {
		return sql.sql("""
				SELECT COUNT(*)
				FROM leaderboard_members
				WHERE organisation_id = :organisation
				  AND user_id = :user
				""")
			.param("organisation", learner.organisationId().value())
			.param("user", learner.userId().value())
			.query(Integer.class)
			.single() > 0;
	}

	/** Puts the learner on their groups' boards; joining twice is joining once. */
	@Transactional
	public void join(Learner learner) {
		sql.sql("""
				INSERT INTO leaderboard_members (organisation_id, user_id, joined_at)
				VALUES (:organisation, :user, :now)
				ON CONFLICT DO NOTHING
				""")
			.param("organisation", learner.organisationId().value())
			.param("user", learner.userId().value())
			.param("now", Timestamp.from(clock.instant()))
			.update();
	}

	/** Takes the learner off every board at once. */
	@Transactional
	public void leave(Learner learner) {
		sql.sql("DELETE FROM leaderboard_members WHERE organisation_id = :organisation AND user_id = :user")
			.param("organisation", learner.organisationId().value())
			.param("user", learner.userId().value())
			.update();
	}

	/**
	 * The boards of the member's groups, each with the members who joined, ranked; empty for a member who did not join
	 * (they see no one until they show themselves) and for a member of no group.
	 */
	@Transactional(readOnly = true)
	public List<Board> of(CurrentMember member) {
		var me = Learner.of(member);
		if (!joined(me)) {
			return List.of();
		}
		var teams = teammates.of(member);
		var users = teams.stream().flatMap(team -> team.members().stream()).map(t -> t.userId().value()).distinct()
			.toList();
		if (users.isEmpty()) {
			return List.of();
		}
		var from = LearningDay.dateOf(clock.instant(), member.zone()).minusDays(DAYS - 1);
		var weeks = week(member.organisationId(), users, from);
		var boards = new ArrayList<Board>();
		for (var team : teams) {
			var standings = team.members()
				.stream()
				.filter(teammate -> weeks.containsKey(teammate.userId()))
				.map(teammate -> new Entry(teammate.name(), weeks.get(teammate.userId()),
						teammate.userId().equals(member.userId())))
				.sorted(Comparator.comparingLong((Entry e) -> -e.week().seconds())
					.thenComparingInt(e -> -e.week().lessons())
					.thenComparing(Entry::name))
				.toList();
			boards.add(new Board(team.name(), ranked(standings)));
		}
		return List.copyOf(boards);
	}

	/** Seconds and lessons since the day given, of each of these users who joined; one query. */
	private java.util.Map<UserId, Week> week(OrganisationId organisation, List<UUID> users, LocalDate from) {
		var weeks = new HashMap<UserId, Week>();
		sql.sql("""
				SELECT lm.user_id, COALESCE(SUM(d.seconds), 0), COALESCE(SUM(d.lessons), 0)
				FROM leaderboard_members lm
				LEFT JOIN learner_days d
				  ON d.organisation_id = lm.organisation_id
				 AND d.user_id = lm.user_id
				 AND d.learned_on >= :from
				WHERE lm.organisation_id = :organisation
				  AND lm.user_id IN (:users)
				GROUP BY lm.user_id
				""")
			.param("organisation", organisation.value())
			.param("users", users)
			.param("from", from)
			.query(rs -> {
				weeks.put(new UserId(rs.getObject(1, UUID.class)), new Week(rs.getLong(2), rs.getInt(3)));
			});
		return weeks;
	}

	/** Ranks in order, ties sharing a rank (1, 2, 2, 4). */
	private static List<Standing> ranked(List<Entry> entries) {
		var standings = new ArrayList<Standing>();
		for (int i = 0; i < entries.size(); i++) {
			var entry = entries.get(i);
			var rank = i > 0 && entries.get(i - 1).week().equals(entry.week()) ? standings.get(i - 1).rank() : i + 1;
			standings.add(new Standing(rank, entry.name(), entry.week().seconds() / 60, entry.week().lessons(),
					entry.you()));
		}
		return List.copyOf(standings);
	}

	private record Week(long seconds, int lessons) {
	}

	private record Entry(String name, Week week, boolean you) {
	}

	/** One group's board, best first. */
	public record Board(String team, List<Standing> standings) {
	}

	/** One member on a board: their rank, name, minutes learned and lessons completed in the last {@link #DAYS} days. */
	public record Standing(int rank, String name, long minutes, int lessons, boolean you) {
	}
}
