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
import io.morsel.learning.Learner;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The floor (docs/delivery.md, "Floor"): a gentle nudge after the cadence's {@code floorDays} without learning. Every
 * hour a db-scheduler recurring task (one node claims each execution in {@code scheduled_tasks}, ADR 0014) looks at
 * the learners who have not learnt for a day or more and plans one {@code FLOOR} delivery, now, for each whose floor
 * is due ({@link Cadence#floorDue}); the dispatcher then sends it within the cadence like any delivery, bringing the
 * single next thing.
 *
 * <p>Learners are planned in batches, each in one transaction (ADR 0039): the batch's rows of
 * {@code delivery_learners} are taken with {@code FOR UPDATE SKIP LOCKED} (so a run that overlaps another, on any
 * node, plans each learner once), their recipients and cadences are read with one query per organisation, the rule
 * is applied in Java, and the batch's deliveries are written with one batched insert.
 */
@Component
class FloorNudges {

	private static final int BATCH = 2_000;
	private static final UUID NONE = new UUID(0, 0);

	private final JdbcClient jdbc;
	private final JdbcTemplate batches;
	private final Cadences cadences;
	private final Directory directory;
	private final TransactionTemplate transaction;
	private final int planners;

	FloorNudges(JdbcClient jdbc, JdbcTemplate batches, Cadences cadences, Directory directory,
			PlatformTransactionManager transactions, @Value("${morsel.delivery.floor-planners:2}") int planners) {
		if (planners < 1) {
			throw new IllegalStateException("morsel.delivery.floor-planners must be at least 1, not " + planners);
		}
		this.planners = planners;
		this.jdbc = jdbc;
		this.batches = batches;
		this.cadences = cadences;
		this.directory = directory;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Plans the floor nudges due now; returns how many. Several planners work through the learners side by side: each
	 * passes over the batches the others hold, so that the database and this node each keep a core busy.
	 */
	int plan(Instant now) {
		if (planners == 1) {
			return planInTurn(now);
		}
		try (var workers = Executors.newFixedThreadPool(planners,
				Thread.ofPlatform().name("delivery-floor-planner-", 1).factory())) {
			var runs = new ArrayList<Future<Integer>>();
			for (var i = 0; i < planners; i++) {
				runs.add(workers.submit(() -> planInTurn(now)));
			}
			var planned = 0;
			for (var run : runs) {
				planned += run.get();
			}
			return planned;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while planning floor nudges", e);
		}
		catch (ExecutionException e) {
			throw e.getCause() instanceof RuntimeException failed ? failed
					: new IllegalStateException("Planning floor nudges failed", e.getCause());
		}
	}

	/** One planner: batch after batch, in key order, passing over the batches other planners hold. */
	private int planInTurn(Instant now) {
		var planned = 0;
		var after = new Learner(new OrganisationId(NONE), new UserId(NONE));
		while (true) {
			var from = after;
			var batch = transaction.execute(status -> planBatch(now, from));
			planned += batch.planned();
			if (batch.last() == null) {
				return planned;
			}
			after = batch.last();
		}
	}

	/** One batch's outcome: how many were planned, and the last learner looked at (null: none were left). */
	private record Batch(int planned, @Nullable Learner last) {
	}

	/** Plans the next batch of candidates after {@code after}, holding their rows (in the caller's transaction). */
	private Batch planBatch(Instant now, Learner after) {
		var candidates = candidates(now, after);
		if (candidates.isEmpty()) {
			return new Batch(0, null);
		}
		var due = new ArrayList<Learner>();
		var byOrganisation = candidates.stream().collect(Collectors.groupingBy(c -> c.learner().organisationId(),
				LinkedHashMap::new, Collectors.toList()));
		byOrganisation.forEach((organisation, ofOrganisation) -> {
			var users = ofOrganisation.stream().map(c -> c.learner().userId()).toList();
			var recipients = directory.recipients(organisation, users);
			var policies = cadences.policies(organisation, users);
			for (var candidate : ofOrganisation) {
				var recipient = recipients.get(candidate.learner().userId());
				if (recipient == null) {
					continue; // Deactivated or gone: no nudge.
				}
				var cadence = new Cadence(policies.get(candidate.learner().userId()), recipient.zone(), false, null);
				if (cadence.floorDue(now, candidate.lastLearned(), candidate.lastFloorNudge())) {
					due.add(candidate.learner());
				}
			}
		});
		write(due, now);
		var last = candidates.getLast().learner();
		return new Batch(due.size(), candidates.size() < BATCH ? null : last);
	}

	/** The batch's floor deliveries, in one batched insert, and their learners' floor marked. */
	private void write(List<Learner> due, Instant now) {
		if (due.isEmpty()) {
			return;
		}
		var at = Timestamps.of(now);
		// The id is the learner's floor nudge of this instant: a batch written again writes nothing twice.
		batches.batchUpdate("""
				INSERT INTO deliveries (id, organisation_id, user_id, reason, title, minutes, available_at, send_at,
				                        status)
				VALUES (?, ?, ?, 'FLOOR', '', 0, ?, ?, 'PLANNED')
				ON CONFLICT DO NOTHING
				""", due, due.size(), (statement, learner) -> {
			statement.setObject(1, floorId(learner, now));
			statement.setObject(2, learner.organisationId().value());
			statement.setObject(3, learner.userId().value());
			statement.setObject(4, at);
			statement.setObject(5, at);
		});
		// One row each, by its key, in one batch: an IN list of the batch's 2,000 made PostgreSQL scan the table.
		batches.batchUpdate("""
				UPDATE delivery_learners
				SET floor_nudged_at = ?
				WHERE organisation_id = ?
				  AND user_id = ?
				""", due, due.size(), (statement, learner) -> {
			statement.setObject(1, at);
			statement.setObject(2, learner.organisationId().value());
			statement.setObject(3, learner.userId().value());
		});
	}

	static UUID floorId(Learner learner, Instant at) {
		var key = learner.organisationId().value() + "/" + learner.userId().value() + "/FLOOR/" + at.toEpochMilli();
		return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
	}

	/** A learner who may be due a floor nudge, and the two instants the rule needs. */
	private record Candidate(Learner learner, @Nullable Instant lastLearned, @Nullable Instant lastFloorNudge) {
	}

	/**
	 * The next learners, in key order after {@code after}, who have not learnt for a day (no floor is shorter) and were
	 * not floor-nudged in that day, with their rows locked; rows another node holds are left to it.
	 */
	private List<Candidate> candidates(Instant now, Learner after) {
		var dayAgo = Timestamps.of(now.minus(Duration.ofDays(1)));
		return jdbc.sql("""
				SELECT organisation_id, user_id, last_learned_at, floor_nudged_at
				FROM delivery_learners
				WHERE (organisation_id, user_id) > (:afterOrganisation, :afterUser)
				  AND paused = FALSE
				  AND (last_learned_at IS NULL OR last_learned_at < :dayAgo)
				  AND (floor_nudged_at IS NULL OR floor_nudged_at < :dayAgo)
				ORDER BY organisation_id, user_id
				LIMIT :limit
				FOR UPDATE SKIP LOCKED
				""")
			.param("afterOrganisation", after.organisationId().value())
			.param("afterUser", after.userId().value())
			.param("dayAgo", dayAgo)
			.param("limit", BATCH)
			.query((rs, n) -> new Candidate(new Learner(new OrganisationId(rs.getObject(1, UUID.class)),
					new UserId(rs.getObject(2, UUID.class))), Timestamps.read(rs, "last_learned_at"),
					Timestamps.read(rs, "floor_nudged_at")))
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
