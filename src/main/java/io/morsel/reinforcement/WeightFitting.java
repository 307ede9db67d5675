package io.morsel.reinforcement;

import io.morsel.identity.OrganisationId;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Fitting an organisation's FSRS weights to its review log, and the weights it schedules with (docs/reinforcement.md,
 * "Fitting the weights"). The fit itself runs outside any transaction (it takes up to its time budget); only its
 * result is written, in one short transaction.
 */
@Service
public class WeightFitting {

	/** What the fitting page shows: the log's size, the least it must hold, the weights in use and the last fit. */
	public record Overview(int reviews, int minimumReviews, Weights weights, Optional<StoredFit> lastFit) {

		public boolean enoughHistory() {
			return reviews >= minimumReviews;
		}
	}

	private final ReviewHistory history;
	private final OrganisationWeights stored;
	private final Optimizer optimizer;
	private final Clock clock;

	@Autowired
	WeightFitting(ReviewHistory history, OrganisationWeights stored,
			@Value("${morsel.reinforcement.fitting.minimum-reviews:1000}") int minimumReviews,
			@Value("${morsel.reinforcement.fitting.time-budget:20s}") Duration timeBudget) {
		this(history, stored, new Optimizer(Optimizer.Settings.DEFAULT.withMinimumReviews(minimumReviews)
			.withTimeBudget(timeBudget)), Clock.systemUTC());
	}

	WeightFitting(ReviewHistory history, OrganisationWeights stored, Optimizer optimizer, Clock clock) {
		this.history = history;
		this.stored = stored;
		this.optimizer = optimizer;
		this.clock = clock;
	}

	/** The weights the organisation schedules with: its fitted ones, or FSRS-6's defaults. */
	public Weights weightsOf(OrganisationId organisation) {
		return stored.of(organisation).map(StoredFit::weights).orElse(Weights.DEFAULT);
	}

	public Overview overview(OrganisationId organisation) {
		var last = stored.of(organisation);
		var weights = last.map(StoredFit::weights).orElse(Weights.DEFAULT);
		return new Overview(history.countOf(organisation.value()), optimizer.settings().minimumReviews(), weights,
				last);
	}

	/**
	 * Fits weights to the organisation's whole review log now; the fitted weights are kept only if they predict the
	 * held-out reviews better than the ones in use. With enough history the fit is recorded either way.
	 */
	public Optimizer.Fit fitNow(OrganisationId organisation) {
		var current = FsrsParameters.DEFAULT.withWeights(weightsOf(organisation));
		var fit = optimizer.fit(history.reviewsOf(organisation.value()), current);
		if (fit.outcome() != Optimizer.Outcome.NOT_ENOUGH_HISTORY && fit.before() != null && fit.after() != null) {
			stored.save(organisation, new StoredFit(fit.weightsToUse(), clock.instant(), fit.reviews(), fit.before(),
					fit.after(), fit.outcome() == Optimizer.Outcome.IMPROVED));
		}
		return fit;
	}
}
