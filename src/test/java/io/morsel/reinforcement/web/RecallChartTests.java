package io.morsel.reinforcement.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.catalog.SkillId;
import io.morsel.reinforcement.MasteryStatus;
import io.morsel.reinforcement.SkillMastery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A skill's curve laid out for the SVG: time left to right, recall 1 at the top. */
class RecallChartTests {

	@Test
	void placesTheCurveTheReviewsAndTodayInTheChartsUnits() {
		var first = Instant.parse("2026-03-01T00:00:00Z");
		var now = Instant.parse("2026-03-11T00:00:00Z");
		var end = Instant.parse("2026-03-21T00:00:00Z");
		var standing = new SkillMastery.SkillStanding(SkillId.random(), "Past tense", MasteryStatus.MASTERED, 0.9, 20, 1,
				first);
		var curve = new SkillMastery.RecallCurve(standing,
				List.of(new SkillMastery.Point(first, 1), new SkillMastery.Point(now, 0.9), new SkillMastery.Point(end, 0.8)),
				List.of(new SkillMastery.Mark(first, 1, true)), now);

		var chart = RecallChart.of(curve, 0.85, ZoneOffset.UTC);

		assertThat(chart.points()).isEqualTo("8.0,8.0 300.0,22.4 592.0,36.8");
		assertThat(chart.nowX()).isEqualTo(300);
		assertThat(chart.reviews()).containsExactly(new RecallChart.Dot(8, 8, true));
		assertThat(chart.thresholdY()).isCloseTo(29.6, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(chart.from()).isEqualTo(LocalDate.of(2026, 3, 1));
		assertThat(chart.to()).isEqualTo(LocalDate.of(2026, 3, 21));
		assertThat(chart.recallNow()).isEqualTo(90);
		assertThat(chart.recallAhead()).isEqualTo(80);
		assertThat(chart.aheadDays()).isEqualTo(10);
	}
}
