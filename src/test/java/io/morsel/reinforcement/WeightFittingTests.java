package io.morsel.reinforcement;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.identity.SignedIn;
import io.morsel.shared.Caches;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Fitting an organisation's weights on PostgreSQL: the fit is stored, its weights are the organisation's from then on,
 * and the page shows the before and after. The review log is a simulated one, given through the {@link ReviewHistory}
 * port, since the review table is not this test's subject.
 */
@MorselIntegrationTest
class WeightFittingTests {

	@Autowired
	OrganisationWeights stored;

	@Autowired
	Directory directory;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Caches caches;

	@Test
	void aBetterFitIsStoredAndBecomesTheOrganisationsWeights() throws Exception {
		var admin = directory.member("admin@acme.test", "acme").orElseThrow();
		var log = new ReviewLogSimulator(OptimizerTests.TRUTH, FsrsParameters.DEFAULT).simulate(400, 12, 31);
		var fitting = new WeightFitting(simulated(log), stored, new Optimizer(Optimizer.Settings.DEFAULT),
				Clock.fixed(Instant.parse("2026-11-30T02:00:00Z"), ZoneOffset.UTC));

		try {
			var fit = fitting.fitNow(admin.organisationId());
			assertFitStoredAndShown(admin, fitting, fit, log.size());
			// Reviews are scheduled with them (by a scheduler of its own here: a node's keeps weights for a minute).
			var scheduling = new Scheduling(10, DayBoundary.DEFAULT_START_HOUR, stored, caches);
			assertThat(scheduling.fsrs(admin.organisationId(), 0.9).parameters().weights()).isEqualTo(fit.fitted());
		}
		finally {
			// The demo organisation schedules with the defaults again for every other test.
			jdbc.sql("DELETE FROM organisation_fsrs_weights WHERE organisation_id = :o")
				.param("o", admin.organisationId().value())
				.update();
		}
	}

	private void assertFitStoredAndShown(CurrentMember admin, WeightFitting fitting, Optimizer.Fit fit, int reviews)
			throws Exception {
		assertThat(fit.outcome()).isEqualTo(Optimizer.Outcome.IMPROVED);
		assertThat(fitting.weightsOf(admin.organisationId())).isEqualTo(fit.fitted());
		var last = fitting.overview(admin.organisationId()).lastFit().orElseThrow();
		assertThat(last).isEqualTo(new StoredFit(fit.fitted(), Instant.parse("2026-11-30T02:00:00Z"), reviews,
				fit.before(), fit.after(), true));
		var page = mvc.perform(MockMvcRequestBuilders.get("/admin/reinforcement/optimizer").with(SignedIn.as(admin)))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Fitted to your review log.", "The fitted weights predicted better and are now in use.",
				String.format(Locale.ROOT, "%.4f", fit.before().logLoss()), String.format(Locale.ROOT, "%.4f", fit.after().logLoss()),
				String.format(Locale.ROOT, "%.4f", fit.after().rmseBins()));
	}

	@Test
	void weightsReadBackExactlyFromTheirJson() {
		var weights = OptimizerTests.TRUTH.with(0, 0.1 + 0.2);

		assertThat(OrganisationWeights.weights(OrganisationWeights.json(weights))).isEqualTo(weights);
	}

	private static ReviewHistory simulated(List<LoggedReview> log) {
		return new ReviewHistory() {

			@Override
			public List<LoggedReview> reviewsOf(UUID organisationId) {
				return log;
			}

			@Override
			public int countOf(UUID organisationId) {
				return log.size();
			}
		};
	}
}
