package io.morsel.delivery;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.morsel.identity.Directory;
import io.morsel.identity.OrganisationId;
import io.morsel.identity.UserId;
import io.morsel.shared.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The floor (docs/delivery.md, "Floor"): a gentle nudge after the cadence's {@code floorDays} without learning. Every
 * hour a db-scheduler recurring task (one node claims each execution in {@code scheduled_tasks}, ADR 0014) looks at
 * the learners who have not learnt for a day or more and plans one {@code FLOOR} delivery, now, for each whose floor
 * is due ({@link Cadence#floorDue}); the dispatcher then sends it within the cadence like any delivery, bringing the
 * single next thing. Each learner is planned under their row lock, so a run that overlaps another plans once.
 */
@Component
class FloorNudges {

	private static final int BATCH = 500;

	private final JdbcClient jdbc;
	private final Cadences cadences;
	private final Directory directory;
	private final TransactionTemplate transaction;

	FloorNudges(JdbcClient jdbc, Cadences cadences, Directory directory, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.cadences = cadences;
		this.directory = directory;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** Plans the floor nudges due now; returns how many. */
	int plan(Instant now) {
		var planned = 0;
		UUID after = new UUID(0, 0);
		while (true) {
			var learners = candidates(now, after);
			for (var learner : learners) {
				if (Boolean.TRUE.equals(transaction.execute(status -> planOne(learner.organisationId(),
						learner.userId(), now)))) {
					planned++;
				}
			}
			if (learners.size() < BATCH) {
				return planned;
			}
			after = learners.getLast().userId().value();
		}
	}

	/** Plans one learner's floor nudge if it is due; under their row lock (in the caller's transaction). */
	private boolean planOne(OrganisationId organisation, UserId user, Instant now) {
		var state = jdbc.sql("""
				SELECT last_learned_at, floor_nudged_at
				FROM delivery_learners
				WHERE organisation_id = :organisation
				  AND user_id = :user
				FOR UPDATE SKIP LOCKED
				""").param("organisation", organisation.value()).param("user", user.value())
			.query((rs, n) -> new Instant[] { Timestamps.read(rs, "last_learned_at"), Timestamps.read(rs, "floor_nudged_at") })
			.optional();
		if (state.isEmpty()) {
			return false;
		}
		var recipient = directory.recipient(organisation, user);
		if (recipient.isEmpty()) {
			return false;
		}
		var cadence = cadences.of(organisation, user, recipient.get().zone(), null);
		if (!cadence.floorDue(now, state.get()[0], state.get()[1])) {
			return false;
		}
		jdbc.sql("""
				INSERT INTO deliveries (id, organisation_id, user_id, reason, title, minutes, available_at, send_at,
				                        status)
				VALUES (:id, :organisation, :user, 'FLOOR', '', 0, :now, :now, 'PLANNED')
				""").param("id", UUID.randomUUID()).param("organisation", organisation.value()).param("user", user.value())
			.param("now", Timestamps.of(now)).update();
		jdbc.sql("""
				UPDATE delivery_learners
				SET floor_nudged_at = :now
				WHERE organisation_id = :organisation
				  AND user_id = :user
				""").param("now", Timestamps.of(now)).param("organisation", organisation.value())
			.param("user", user.value()).update();
		return true;
	}

	/** Learners who have not learnt for a day (no floor is shorter) and were not floor-nudged in that day. */
	private List<io.morsel.learning.Learner> candidates(Instant now, UUID after) {
		var dayAgo = Timestamps.of(now.minus(Duration.ofDays(1)));
		return jdbc.sql("""
				SELECT organisation_id, user_id
				FROM delivery_learners
				WHERE user_id > :after
				  AND paused = FALSE
				  AND (last_learned_at IS NULL OR last_learned_at < :dayAgo)
				  AND (floor_nudged_at IS NULL OR floor_nudged_at < :dayAgo)
				ORDER BY user_id
				LIMIT :limit
				""").param("after", after).param("dayAgo", dayAgo).param("limit", BATCH)
			.query((rs, n) -> new io.morsel.learning.Learner(new OrganisationId(rs.getObject(1, UUID.class)),
					new UserId(rs.getObject(2, UUID.class))))
			.list();
	}

	/** The hourly task; {@code morsel.delivery.floor-interval} changes the hour. */
	@Configuration(proxyBeanMethods = false)
	static class Task {

		private static final Logger log = LoggerFactory.getLogger(FloorNudges.class);

		@Bean
		RecurringTask<Void> floorNudgesTask(FloorNudges floor, Clock clock,
				@Value("${morsel.delivery.floor-interval:1h}") Duration interval) {
			return Tasks.recurring("delivery-floor-nudges", Schedules.fixedDelay(interval)).execute((instance, context) -> {
				var planned = floor.plan(clock.instant());
				if (planned > 0) {
					log.info("Planned {} floor nudges", planned);
				}
			});
		}
	}
}
