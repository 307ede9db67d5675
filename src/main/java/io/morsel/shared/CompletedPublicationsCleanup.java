package io.morsel.shared;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.CompletedEventPublications;

/**
 * Deletes the event publications completed longer ago than {@code morsel.events.keep-completed} (7 days by default),
 * each night at {@code morsel.events.cleanup-time} UTC (03:15 by default). Spring Modulith marks a publication
 * completed and keeps its row; every answer adds one, so without this the table grows with every learner's every
 * answer. The incomplete ones, which a node starting resubmits, are never touched. A db-scheduler recurring task, so
 * one node of the cluster runs it (ADR 0014; docs/architecture.md, "How a module listens").
 */
@Configuration(proxyBeanMethods = false)
class CompletedPublicationsCleanup {

	private static final Logger log = LoggerFactory.getLogger(CompletedPublicationsCleanup.class);

	@Bean
	RecurringTask<Void> completedPublicationsCleanupTask(CompletedEventPublications completed,
			@Value("${morsel.events.keep-completed}") Duration keep,
			@Value("${morsel.events.cleanup-time}") String at) {
		var schedule = Schedules.daily(ZoneOffset.UTC, LocalTime.parse(at));
		return Tasks.recurring("completed-event-publications-cleanup", schedule).execute((instance, context) -> {
			completed.deletePublicationsOlderThan(keep);
			log.info("Deleted the event publications completed more than {} ago", keep);
		});
	}
}
