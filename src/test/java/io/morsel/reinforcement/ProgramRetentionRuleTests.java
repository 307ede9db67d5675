package io.morsel.reinforcement;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.catalog.LessonId;
import io.morsel.catalog.Program;
import io.morsel.catalog.ProgramId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which desired retention schedules a card whose lesson sits in several of its learner's programs. */
class ProgramRetentionRuleTests {

	private static final LessonId LESSON = LessonId.random();

	private final Program strict = program();
	private final Program lax = program();
	private final Program plain = program();

	@Test
	void aLessonInNoneOfTheLearnersProgramsTakesTheOrganisations() {
		assertThat(RetentionSettings.highest(0.85, Map.of(strict.id(), 0.97), List.of())).isEqualTo(0.85);
	}

	@Test
	void theHighestOfTheLearnersProgramsContainingTheLessonWins() {
		var own = Map.of(strict.id(), 0.97, lax.id(), 0.8);

		assertThat(RetentionSettings.highest(0.9, own, List.of(lax, strict))).isEqualTo(0.97);
		assertThat(RetentionSettings.highest(0.9, own, List.of(lax))).isEqualTo(0.8);
	}

	@Test
	void aProgramWithoutItsOwnSettingCountsAsTheOrganisations() {
		var own = Map.of(lax.id(), 0.8);

		assertThat(RetentionSettings.highest(0.9, own, List.of(lax, plain))).isEqualTo(0.9);
		assertThat(RetentionSettings.highest(0.75, own, List.of(lax, plain))).isEqualTo(0.8);
	}

	private static Program program() {
		return new Program(ProgramId.random(), "p", "Program", "Outcome", null, true, List.of(LESSON));
	}
}
