package io.morsel.search;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the search change log short: every {@code morsel.search.prune-interval} one node (a db-scheduler recurring
 * task, claimed in the database) deletes the entries that every live node has applied and that are older than
 * {@code morsel.search.keep-changes}. A node is live when its heartbeat is younger than
 * {@code morsel.search.node-timeout}; a node that was not, and comes back behind what was pruned, builds its index
 * again from the catalog (ChangeFollower). With no live node nothing is pruned.
 */
@Component
class ChangePruning {

	private static final Logger log = LoggerFactory.getLogger(ChangePruning.class);

	private final ChangeLog changes;
	private final NodePositions positions;
	private final Clock clock;
	private final Duration nodeTimeout;
	private final Duration keep;

	ChangePruning(ChangeLog changes, NodePositions positions, Clock clock,
			@Value("${morsel.search.node-timeout}") Duration nodeTimeout,
			@Value("${morsel.search.keep-changes}") Duration keep) {
		this.changes = changes;
		this.positions = positions;
		this.clock = clock;
		this.nodeTimeout = nodeTimeout;
		this.keep = keep;
	}

	/** Prunes with the configured retention; how many entries it deleted. */
	@Transactional
	int prune() {
		return prune(keep);
	}

	/** Prunes the entries older than {@code keep} that every live node has applied; how many it deleted. */
	@Transactional
	int prune(Duration keep) {
		var now = clock.instant();
		// Silent for longer than the entries are kept: such a node rebuilds when it comes back in any case.
		positions.forgetSilentSince(now.minus(nodeTimeout).minus(this.keep));
		var horizon = positions.horizon(now.minus(nodeTimeout));
		if (horizon.isEmpty()) {
			return 0;
		}
		var deleted = changes.prune(horizon.getAsLong(), now.minus(keep));
		if (deleted > 0) {
			log.info("Pruned {} search changes every live node had applied (up to change {})", deleted,
					changes.prunedUpTo());
		}
		return deleted;
	}

	@Configuration(proxyBeanMethods = false)
	static class Schedule {

		@Bean
		RecurringTask<Void> searchChangesPruning(ChangePruning pruning,
				@Value("${morsel.search.prune-interval}") Duration interval) {
			return Tasks.recurring("search-changes-pruning", Schedules.fixedDelay(interval))
				.execute((instance, context) -> pruning.prune());
		}
	}
}
