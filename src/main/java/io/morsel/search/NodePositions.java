package io.morsel.search;

import io.morsel.shared.Timestamps;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each node's heartbeat in {@code search_positions}: how far its index has applied the change log, and when it last
 * said so. The log is pruned only below the position of every node seen recently (ChangePruning).
 */
@Component
class NodePositions {

	private final JdbcClient jdbc;

	NodePositions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void heartbeat(UUID node, long applied, Instant now) {
		var updated = jdbc.sql("""
				UPDATE search_positions
				SET applied_change = :applied, seen_at = :now
				WHERE node_id = :node
				""").param("node", node).param("applied", applied).param("now", Timestamps.of(now)).update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO search_positions (node_id, applied_change, seen_at)
					VALUES (:node, :applied, :now)
					ON CONFLICT DO NOTHING
					""").param("node", node).param("applied", applied).param("now", Timestamps.of(now)).update();
		}
	}

	/** A node that stops says so, so it holds nothing back while it is gone. */
	void forget(UUID node) {
		jdbc.sql("""
				DELETE FROM search_positions
				WHERE node_id = :node
				""").param("node", node).update();
	}

	/** The least position of the nodes seen since {@code liveSince}; empty when none was. */
	OptionalLong horizon(Instant liveSince) {
		var least = jdbc.sql("""
				SELECT MIN(applied_change)
				FROM search_positions
				WHERE seen_at >= :since
				""").param("since", Timestamps.of(liveSince)).query((rs, n) -> {
					var value = rs.getLong(1);
					return rs.wasNull() ? null : value;
				}).list();
		return least.isEmpty() || least.getFirst() == null ? OptionalLong.empty() : OptionalLong.of(least.getFirst());
	}

	/** Drops the heartbeats of nodes gone since before {@code before}: restarted nodes come back with new ids. */
	int forgetSilentSince(Instant before) {
		return jdbc.sql("""
				DELETE FROM search_positions
				WHERE seen_at < :before
				""").param("before", Timestamps.of(before)).update();
	}
}
