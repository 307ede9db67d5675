package io.morsel.credentials;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Suspends the credentials whose grace period ran out with their mastery still lapsed: a db-scheduler recurring task,
 * so each run is a row of {@code scheduled_tasks} one node claims (ADR 0014), every
 * {@code morsel.credentials.grace-check-interval}. Each learner is handled in a transaction of its own that locks
 * their awards, so a mastery event for the same learner waits for it or it for the event.
 */
@Configuration(proxyBeanMethods = false)
class GraceExpiry {

	private static final Logger log = LoggerFactory.getLogger(GraceExpiry.class);

	/** Learners handled per run; the rest wait for the next. */
	private static final int BATCH = 500;

	private final AwardStatuses statuses;

	GraceExpiry(AwardStatuses statuses) {
		this.statuses = statuses;
	}

	@Bean
	RecurringTask<Void> credentialGraceExpiry(Clock clock,
			@Value("${morsel.credentials.grace-check-interval:PT15M}") Duration interval) {
		return Tasks.recurring("credential-grace-expiry", Schedules.fixedDelay(interval))
			.execute((instance, context) -> suspendDue(clock.instant()));
	}

	/** Suspends what is due by {@code now}, as one run of the job does; returns the learners handled. */
	int suspendDue(Instant now) {
		var due = statuses.withSuspensionsDue(now, BATCH);
		for (var learner : due) {
			statuses.keepCurrent(learner, now);
		}
		if (!due.isEmpty()) {
			log.info("Credential grace expiry: {} learners with suspensions due", due.size());
		}
		return due.size();
	}
}
