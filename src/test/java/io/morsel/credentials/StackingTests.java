package io.morsel.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.catalog.SkillId;
import io.morsel.identity.OrganisationId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which achievements stack on which: only a current credential counts towards a larger one. */
class StackingTests {

	final OrganisationId organisation = OrganisationId.random();
	final SkillId reports = SkillId.random();
	final SkillId forecasts = SkillId.random();
	final Achievement reporting = achievement("Reporting", new Criteria("Reports", List.of(reports), List.of()));
	final Achievement forecasting = achievement("Forecasting", new Criteria("Forecasts", List.of(forecasts), List.of()));
	final Achievement analyst = achievement("Analyst",
			new Criteria("Both badges", List.of(), List.of(reporting.id(), forecasting.id())));
	final List<Achievement> all = List.of(analyst, reporting, forecasting);

	@Test
	void partsEarnedTogetherStackIntoTheLargerOneAfterThem() {
		var earned = Stacking.earned(all, Set.of(reports, forecasts), Set.of(), Set.of(), Map.of());

		assertThat(earned).containsExactly(reporting, forecasting, analyst);
	}

	@Test
	void aSuspendedPartDoesNotCountTowardsTheLargerOne() {
		var awarded = Set.of(reporting.id(), forecasting.id());

		assertThat(Stacking.earned(all, Set.of(), awarded, Set.of(reporting.id()), Map.of())).isEmpty();
		assertThat(Stacking.earned(all, Set.of(), awarded, awarded, Map.of())).containsExactly(analyst);
	}

	@Test
	void anAchievementAwardedOnceIsNotAwardedAgainWhateverItsState() {
		var revoked = Set.of(reporting.id());

		assertThat(Stacking.earned(all, Set.of(reports), revoked, Set.of(), Map.of())).isEmpty();
	}

	private Achievement achievement(String name, Criteria criteria) {
		return new Achievement(AchievementId.random(), organisation, name, name + " badge", criteria, List.of(), null,
				null, Instant.EPOCH, Achievement.DEFAULT_GRACE_DAYS);
	}
}
