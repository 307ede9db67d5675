package io.morsel.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankingQualityTests {

	@Test
	void theIdealRankingScoresOne() {
		assertThat(RankingQuality.ndcg(List.of("a", "b", "x"), Map.of("a", 2, "b", 1), 10)).isEqualTo(1.0);
		assertThat(RankingQuality.recall(List.of("a", "b", "x"), Map.of("a", 2, "b", 1), 10)).isEqualTo(1.0);
	}

	@Test
	void theSoughtLessonSecondScoresLessAndNothingFoundScoresZero() {
		// Gains 3 and 1: found b, a gives 1 + 3/log2(3) against 3 + 1/log2(3).
		var expected = (1 + 3 / (Math.log(3) / Math.log(2))) / (3 + 1 / (Math.log(3) / Math.log(2)));
		assertThat(RankingQuality.ndcg(List.of("b", "a"), Map.of("a", 2, "b", 1), 10)).isCloseTo(expected, within(1e-9));
		assertThat(RankingQuality.ndcg(List.of("x"), Map.of("a", 2), 10)).isZero();
		assertThat(RankingQuality.recall(List.of("x", "a"), Map.of("a", 2, "b", 1), 1)).isZero();
		assertThat(RankingQuality.recall(List.of("x", "a"), Map.of("a", 2, "b", 1), 2)).isEqualTo(0.5);
	}
}
