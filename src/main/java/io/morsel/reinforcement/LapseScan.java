package io.morsel.reinforcement;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The nightly scan for mastery that lapsed ({@link SkillMastery#scanLapses}), a db-scheduler recurring task: each
 * night's execution is a row of {@code scheduled_tasks} that one node claims, so with several nodes it runs once
 * (docs/reinforcement.md, "Mastery"). At {@code morsel.reinforcement.lapse-scan-time} UTC, 02:30 by default.
 */
@Configuration(proxyBeanMethods = false)
class LapseScan {

	private static final Logger log = LoggerFactory.getLogger(LapseScan.class);

	@Bean
	RecurringTask<Void> masteryLapseScan(SkillMastery mastery, Clock clock,
			@Value("${morsel.reinforcement.lapse-scan-time:02:30}") String at) {
		var schedule = Schedules.daily(ZoneOffset.UTC, LocalTime.parse(at));
		return Tasks.recurring("mastery-lapse-scan", schedule).execute((instance, context) -> {
			var lapsed = mastery.scanLapses(clock.instant());
			log.info("Mastery lapse scan: {} skills no longer mastered", lapsed);
		});
	}
}
