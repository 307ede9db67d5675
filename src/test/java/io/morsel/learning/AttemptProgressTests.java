package io.morsel.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The completion rule of an attempt: every interaction answered, scored on the ones that assess the objective. */
class AttemptProgressTests {

	@Test
	void aLessonWithoutInteractionsIsCompleteAtOnceWithFullScore() {
		var progress = new AttemptProgress(0, 0, 0, 0);

		assertThat(progress.allAnswered()).isTrue();
		assertThat(progress.score()).isEqualTo(1.0);
	}

	@Test
	void aLessonWhoseInteractionsAssessNothingScoresOneWhateverTheAnswers() {
		assertThat(new AttemptProgress(3, 0, 3, 0).score()).isEqualTo(1.0);
	}

	@Test
	void theScoreIsTheAssessedCreditOverTheAssessingInteractions() {
		// Eight interactions, four of them assessing: two right, two wrong.
		assertThat(new AttemptProgress(8, 4, 8, 2).score()).isEqualTo(0.5);
		assertThat(new AttemptProgress(3, 3, 3, 0.1 + 0.2 + 0.7).score()).isCloseTo(1.0 / 3, within(1e-12));
	}

	@Test
	void anAttemptMastersItsObjectiveAtFourFifthsOfTheAssessedCredit() {
		assertThat(new AttemptProgress(5, 5, 5, 4).mastered()).isTrue();
		assertThat(new AttemptProgress(3, 3, 3, 0.8 * 3).mastered()).isTrue();
		assertThat(new AttemptProgress(3, 3, 3, 2).mastered()).isFalse();
		// Mostly missed: done, not mastered.
		assertThat(new AttemptProgress(4, 4, 4, 1).mastered()).isFalse();
	}

	@Test
	void aLessonThatAssessesNothingIsNeverMasteredOnlyDone() {
		assertThat(new AttemptProgress(3, 0, 3, 0).mastered()).isFalse();
		assertThat(new AttemptProgress(0, 0, 0, 0).mastered()).isFalse();
	}

	@Test
	void anAttemptWithAnUnansweredInteractionIsNotCompleteAndHasNoScore() {
		var progress = new AttemptProgress(8, 4, 7, 4);

		assertThat(progress.allAnswered()).isFalse();
		assertThatThrownBy(progress::score).isInstanceOf(IllegalStateException.class).hasMessageContaining("7 of 8");
	}

	@Test
	void rejectsCountsNoAttemptCanHave() {
		assertThatThrownBy(() -> new AttemptProgress(2, 3, 0, 0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new AttemptProgress(2, 1, 3, 0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new AttemptProgress(2, 1, -1, 0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new AttemptProgress(2, 1, 2, 1.5)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new AttemptProgress(2, 1, 2, -0.1)).isInstanceOf(IllegalArgumentException.class);
	}
}
