package io.morsel.reinforcement;

import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The settings reviews are scheduled with: FSRS-6 at a desired retention, the grade rule, the hour a learner's review
 * day starts ({@code morsel.reinforcement.day-start-hour}, 4 by default) and the most reviews a day
 * ({@code morsel.reinforcement.daily-cap}, 10 by default).
 */
@Component
class Scheduling {

	private final int dailyCap;
	private final int dayStartHour;
	/** One scheduler per desired retention: an organisation's setting is one of a few values. */
	private final Map<Double, Fsrs> schedulers = new ConcurrentHashMap<>();

	Scheduling(@Value("${morsel.reinforcement.daily-cap:10}") int dailyCap,
			@Value("${morsel.reinforcement.day-start-hour:" + DayBoundary.DEFAULT_START_HOUR + "}") int dayStartHour) {
		if (dailyCap < 1) {
			throw new IllegalStateException("morsel.reinforcement.daily-cap is at least 1, not " + dailyCap);
		}
		new DayBoundary(ZoneId.of("UTC"), dayStartHour); // Refuses an hour outside 0 to 23 at startup.
		this.dailyCap = dailyCap;
		this.dayStartHour = dayStartHour;
	}

	Fsrs fsrs(double desiredRetention) {
		return schedulers.computeIfAbsent(desiredRetention,
				retention -> new Fsrs(FsrsParameters.DEFAULT.withDesiredRetention(retention)));
	}

	GradeRule rule() {
		return GradeRule.DEFAULT;
	}

	DayBoundary day(ZoneId zone) {
		return new DayBoundary(zone, dayStartHour);
	}

	int dailyCap() {
		return dailyCap;
	}
}
