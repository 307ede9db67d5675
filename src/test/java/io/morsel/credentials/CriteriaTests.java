package io.morsel.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.morsel.catalog.SkillId;
import io.morsel.shared.InvalidValueException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CriteriaTests {

	final SkillId one = SkillId.random();
	final SkillId two = SkillId.random();
	final AchievementId held = AchievementId.random();

	@Test
	void rejectsCriteriaWithNothingToEvaluate() {
		assertThatThrownBy(() -> new Criteria("Be great", List.of(), List.of()))
			.isInstanceOf(InvalidValueException.class)
			.hasMessageContaining("at least one skill");
	}

	@Test
	void rejectsCriteriaWithoutNarrative() {
		assertThatThrownBy(() -> new Criteria(" ", List.of(one), List.of())).isInstanceOf(InvalidValueException.class);
	}

	@Test
	void isMetOnlyWhenEverySkillIsMasteredAndEveryAchievementHeld() {
		var criteria = new Criteria("Both skills, and the first badge", List.of(one, two), List.of(held));

		assertThat(criteria.metBy(Set.of(one), Set.of(held))).isFalse();
		assertThat(criteria.metBy(Set.of(one, two), Set.of())).isFalse();
		assertThat(criteria.metBy(Set.of(one, two), Set.of(held))).isTrue();
	}

	@Test
	void aSkillNamedTwiceCountsOnce() {
		assertThat(new Criteria("Twice", List.of(one, one), List.of()).skills()).containsExactly(one);
	}

	@Test
	void rejectsAlignmentsThatAreNotWebAddresses() {
		assertThatThrownBy(() -> new Alignment("ESCO", "javascript:alert(1)", null))
			.isInstanceOf(InvalidValueException.class);
		assertThatThrownBy(() -> new Alignment("ESCO", "/relative", null)).isInstanceOf(InvalidValueException.class);
		assertThat(new Alignment(" ESCO ", "https://esco.ec.europa.eu/x", "S1.2").name()).isEqualTo("ESCO");
	}

	@Test
	void aProgramRuleNeedsTheProgramCompletedWithTheMinimumMeanScore() {
		var program = io.morsel.catalog.ProgramId.random();
		var criteria = new Criteria("Finish the course well", List.of(), List.of(), List.of(program), 80);

		assertThat(criteria.metBy(Set.of(), Set.of(), java.util.Map.of())).as("not completed").isFalse();
		assertThat(criteria.metBy(Set.of(), Set.of(), java.util.Map.of(program, 0.79))).isFalse();
		assertThat(criteria.metBy(Set.of(), Set.of(), java.util.Map.of(program, 0.8))).isTrue();
		assertThat(new Criteria("Finish", List.of(), List.of(), List.of(program), null)
			.metBy(Set.of(), Set.of(), java.util.Map.of(program, 0.1))).as("no minimum: completion is enough").isTrue();
	}

	@Test
	void refusesAMinimumScoreWithoutAProgramOrOutsideOneToAHundred() {
		var program = io.morsel.catalog.ProgramId.random();
		var skill = SkillId.random();

		assertThatThrownBy(() -> new Criteria("Score", List.of(skill), List.of(), List.of(), 80))
			.isInstanceOf(InvalidValueException.class).hasMessageContaining("program");
		assertThatThrownBy(() -> new Criteria("Score", List.of(), List.of(), List.of(program), 0))
			.isInstanceOf(InvalidValueException.class);
		assertThatThrownBy(() -> new Criteria("Score", List.of(), List.of(), List.of(program), 101))
			.isInstanceOf(InvalidValueException.class);
	}
}
