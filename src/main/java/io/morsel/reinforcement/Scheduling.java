package io.morsel.reinforcement;

import com.github.benmanes.caffeine.cache.Cache;
import io.morsel.identity.OrganisationId;
import io.morsel.shared.Caches;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The settings reviews are scheduled with: FSRS-6 with the organisation's weights at a desired retention, the grade
 * rule, the hour a learner's review day starts ({@code morsel.reinforcement.day-start-hour}, 4 by default) and the
 * most reviews a day ({@code morsel.reinforcement.daily-cap}, 10 by default).
 */
@Component
class Scheduling {

	private final int dailyCap;
	private final int dayStartHour;
	private final OrganisationWeights fitted;
	/**
	 * Each organisation's weights: its fitted ones (WeightFitting), else FSRS-6's defaults. Kept for a minute, so a
	 * fit made on one node reaches the others' reviews within it.
	 */
	private final Cache<OrganisationId, Weights> weights;
	/** One scheduler per set of weights and desired retention: an organisation's settings are one of a few. */
	private final Cache<Settings, Fsrs> schedulers;

	private record Settings(Weights weights, double desiredRetention) {
	}

	Scheduling(@Value("${morsel.reinforcement.daily-cap:10}") int dailyCap,
			@Value("${morsel.reinforcement.day-start-hour:" + DayBoundary.DEFAULT_START_HOUR + "}") int dayStartHour,
			OrganisationWeights fitted, Caches caches) {
		if (dailyCap < 1) {
			throw new IllegalStateException("morsel.reinforcement.daily-cap is at least 1, not " + dailyCap);
		}
		new DayBoundary(ZoneId.of("UTC"), dayStartHour); // Refuses an hour outside 0 to 23 at startup.
		this.dailyCap = dailyCap;
		this.dayStartHour = dayStartHour;
		this.fitted = fitted;
		this.weights = caches.named("organisation-fsrs-weights");
		this.schedulers = caches.named("fsrs-schedulers");
	}

	/** FSRS-6 as the organisation schedules: with its weights and this desired retention. */
	Fsrs fsrs(OrganisationId organisation, double desiredRetention) {
		var those = weights.get(organisation, o -> fitted.of(o).map(StoredFit::weights).orElse(Weights.DEFAULT));
		return schedulers.get(new Settings(those, desiredRetention),
				settings -> new Fsrs(FsrsParameters.DEFAULT.withWeights(settings.weights())
					.withDesiredRetention(settings.desiredRetention())));
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
