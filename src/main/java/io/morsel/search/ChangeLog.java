package io.morsel.search;

import io.morsel.catalog.LessonId;
import io.morsel.identity.OrganisationId;
import io.morsel.shared.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The search change log ({@code search_changes}): what every node's index must apply, in the order of the entries' ids.
 * Appended to in the transaction of whatever changed; read by each node's {@link ChangeFollower}.
 */
@Component
class ChangeLog {

	/** One entry; {@code lesson} is null for a rebuild of the organisation. */
	record Change(long id, OrganisationId organisation, @Nullable LessonId lesson) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	ChangeLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void lessonChanged(OrganisationId organisation, LessonId lesson) {
		append(organisation, lesson.value(), "lesson");
	}

	void organisationToRebuild(OrganisationId organisation) {
		append(organisation, null, "organisation");
	}

	private void append(OrganisationId organisation, @Nullable UUID lesson, String change) {
		jdbc.sql("""
				INSERT INTO search_organisations (organisation_id)
				VALUES (:organisation)
				ON CONFLICT DO NOTHING
				""").param("organisation", organisation.value()).update();
		jdbc.sql("""
				INSERT INTO search_changes (organisation_id, lesson_id, change, recorded_at)
				VALUES (:organisation, :lesson, :change, :now)
				""")
			.param("organisation", organisation.value())
			.param("lesson", lesson)
			.param("change", change)
			.param("now", Timestamps.of(clock.instant()))
			.update();
	}

	/**
	 * The entries after {@code last}, and those of {@code gaps} (ids skipped earlier, whose transactions may commit
	 * late), in order; at most {@code limit}. One range scan of the primary key.
	 */
	List<Change> after(long last, Collection<Long> gaps, int limit) {
		return jdbc.sql("""
				SELECT id, organisation_id, lesson_id
				FROM search_changes
				WHERE id > :last
				   OR id IN (:gaps)
				ORDER BY id
				LIMIT :limit
				""")
			.param("last", last)
			.param("gaps", gaps.isEmpty() ? List.of(-1L) : gaps)
			.param("limit", limit)
			.query((rs, n) -> new Change(rs.getLong(1), new OrganisationId(rs.getObject(2, UUID.class)),
					rs.getObject(3, UUID.class) == null ? null : new LessonId(rs.getObject(3, UUID.class))))
			.list();
	}

	/** The last entry's id, pruned or not; 0 for a log that never had one. */
	long last() {
		return jdbc.sql("""
				SELECT GREATEST((SELECT COALESCE(MAX(id), 0) FROM search_changes),
				                (SELECT up_to FROM search_pruned WHERE id = 1))
				""").query(Long.class).single();
	}

	/** The highest entry pruned: an index that applied less missed entries and must be built again. */
	long prunedUpTo() {
		return jdbc.sql("""
				SELECT up_to
				FROM search_pruned
				WHERE id = 1
				""").query(Long.class).single();
	}

	/**
	 * Deletes the entries every live node has applied ({@code horizon}, the least of their positions) that were
	 * recorded before {@code before}, and records the highest one deleted; how many were deleted. Run in one
	 * transaction by one node (ChangePruning).
	 */
	int prune(long horizon, Instant before) {
		var upTo = jdbc.sql("""
				SELECT COALESCE(MAX(id), 0)
				FROM search_changes
				WHERE id <= :horizon
				  AND recorded_at < :before
				""")
			.param("horizon", horizon)
			.param("before", Timestamps.of(before))
			.query(Long.class)
			.single();
		if (upTo == 0) {
			return 0;
		}
		jdbc.sql("""
				UPDATE search_pruned
				SET up_to = :upTo
				WHERE id = 1
				  AND up_to < :upTo
				""").param("upTo", upTo).update();
		return jdbc.sql("""
				DELETE FROM search_changes
				WHERE id <= :upTo
				""").param("upTo", upTo).update();
	}

	/** Every organisation that ever had a change: those a full rebuild indexes. */
	List<OrganisationId> organisations() {
		return jdbc.sql("""
				SELECT organisation_id
				FROM search_organisations
				""").query(UUID.class).list().stream().map(OrganisationId::new).toList();
	}
}
