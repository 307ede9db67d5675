package io.morsel.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.catalog.Block;
import io.morsel.catalog.LessonContent;
import io.morsel.catalog.Objective;
import io.morsel.catalog.Option;
import io.morsel.catalog.SingleChoice;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the linter warns an author about in a lesson, and what it lets pass: objectives, durations, assessment. */
class ObjectiveLinterTests {

	private final ObjectiveLinter linter = new ObjectiveLinter();

	@Test
	void aMeasurableLessonOfFiveMinutesWithAnAssessingQuestionGetsNoWarning() {
		assertThat(linter.warnings(lesson("Create a weekly report from a saved view.", 5, true))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Understand weekly reports.", "Know the report builder.", "Learn how reports work.",
			"Be aware of report limits.", "Become aware of filters.", "Appreciate saved views.",
			"Be familiar with the export.", "Get familiar with charts.", "Grasp what a view is.", "Realise why views help.",
			"Realize why views help." })
	void warnsAboutAnObjectiveThatStartsWithAVerbNobodyCanObserve(String objective) {
		assertThat(linter.warnings(lesson(objective, 5, true))).containsExactly(LessonWarning.VAGUE_VERB);
	}

	@Test
	void aVagueVerbIsFoundWhateverItsCase() {
		assertThat(linter.warnings(lesson("UNDERSTAND weekly reports.", 5, true))).containsExactly(LessonWarning.VAGUE_VERB);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Underline the verb of an objective.", "Knot the two filters of a view.",
			"Explain why you understand the report." })
	void aVerbThatOnlyLooksLikeAVagueOneOrComesLaterIsNotVague(String objective) {
		assertThat(linter.warnings(lesson(objective, 5, true))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 8, 30 })
	void warnsAboutALessonOutsideTwoToSevenMinutes(int minutes) {
		assertThat(linter.warnings(lesson("Create a weekly report.", minutes, true))).containsExactly(LessonWarning.DURATION);
	}

	@ParameterizedTest
	@ValueSource(ints = { 2, 7 })
	void twoAndSevenMinutesAreStillMicro(int minutes) {
		assertThat(linter.warnings(lesson("Create a weekly report.", minutes, true))).isEmpty();
	}

	@Test
	void warnsWhenNoQuestionAssessesTheObjective() {
		var withoutQuestion = new LessonContent("Reports", new Objective("Create a weekly report."), 5, List.of(),
				List.of(new Block.Text("A report is a saved view.")));

		assertThat(linter.warnings(withoutQuestion)).containsExactly(LessonWarning.NO_ASSESSMENT);
		assertThat(linter.warnings(lesson("Create a weekly report.", 5, false))).containsExactly(LessonWarning.NO_ASSESSMENT);
	}

	@Test
	void warnsAboutTwoObjectivesInOne() {
		assertThat(linter.warnings(lesson("List the three plans and explain when each fits.", 5, true)))
			.containsExactly(LessonWarning.DOUBLE_OBJECTIVE);
	}

	@Test
	void everyWarningComesAtOnceInTheEditorsOrder() {
		assertThat(linter.warnings(lesson("Understand reports.", 12, false))).containsExactly(LessonWarning.VAGUE_VERB,
				LessonWarning.DURATION, LessonWarning.NO_ASSESSMENT);
	}

	@Test
	void eachWarningHasACodeForTheApiAndAMessageKeyForTheStudio() {
		assertThat(LessonWarning.VAGUE_VERB.code()).isEqualTo("vague-verb");
		assertThat(LessonWarning.VAGUE_VERB.messageKey()).isEqualTo("studio.lint.vague-verb");
		assertThat(List.of(LessonWarning.values())).extracting(LessonWarning::messageKey)
			.containsExactly("studio.lint.vague-verb", "studio.lint.double-objective", "studio.lint.duration",
					"studio.lint.no-assessment", "studio.lint.over-limit");
	}

	private static LessonContent lesson(String objective, int minutes, boolean assessed) {
		var question = new SingleChoice("q", "Which view is saved?",
				List.of(new Option("a", "The weekly one", true, null), new Option("b", "None", false, null)), assessed, null);
		return new LessonContent("Reports", new Objective(objective), minutes, List.of(),
				List.of(new Block.Text("A report is a saved view."), new Block.Question(question)));
	}
}
