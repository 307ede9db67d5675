package io.morsel.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.morsel.shared.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How the linter reads one objective: its verb, its level, whether it can be measured and is one objective. */
class ObjectiveCheckTests {

	private static final ObjectiveLinter linter = new ObjectiveLinter();

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			List the three plans Morsel sells.                         | list        | remember
			Match each return reason to its refund rule.                | match       | remember
			Explain why a saved view keeps its filters.                 | explain     | understand
			Describe how pricing and packaging differ.                  | describe    | understand
			Calculate the margin of an order with two discounts.        | calculate   | apply
			Record a call in the CRM.                                   | record      | apply
			Compare the cost and benefit of two plans.                  | compare     | analyze
			Diagnose a failed payment from its error code.              | diagnose    | analyze
			Choose the plan that fits a customer with ten seats.        | choose      | evaluate
			Design a weekly report for a sales team.                    | design      | create
			Plan a sprint from a backlog of twenty stories.             | plan        | create
			""")
	void aGoodObjectiveIsMeasurableSingleAndPlacedOnBloomsTaxonomy(String objective, String verb, String level) {
		var check = linter.check(objective, "en");

		assertThat(check.findings()).isEmpty();
		assertThat(check.measurable()).isTrue();
		assertThat(check.single()).isTrue();
		assertThat(check.verb()).isEqualTo(verb);
		assertThat(check.bloomLevel().code()).isEqualTo(level);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Understand weekly reports.                          | understand              | understand
			Know the report builder.                            | know                    | remember
			Learn about filters.                                | learn about             | understand
			Review the safety checklist.                        | review                  | understand
			Be aware of report limits.                          | be aware of             | remember
			Become familiar with charts.                        | become familiar with    | understand
			Gain an understanding of churn.                     | gain an understanding of | understand
			Explore the dashboard.                              | explore                 | analyze
			Appreciate why saved views help.                    | appreciate              | evaluate
			""")
	void aVagueObjectiveIsNotMeasurableAndGetsObservableVerbsAtTheLevelMeant(String objective, String verb,
			String level) {
		var check = linter.check(objective, "en");

		assertThat(check.measurable()).isFalse();
		assertThat(check.single()).isTrue();
		assertThat(check.verb()).isEqualTo(verb);
		assertThat(check.bloomLevel().code()).isEqualTo(level);
		assertThat(check.findings()).singleElement().satisfies(finding -> {
			assertThat(finding.code()).isEqualTo("vague-verb");
			assertThat(finding.message()).contains("“" + verb + "”");
		});
	}

	@Test
	void theSuggestionForAVagueVerbNamesObservableVerbsAtTheLevelMeant() {
		assertThat(linter.check("Understand weekly reports.", "en").findings().getFirst().suggestion())
			.contains("explain", "summarise", "classify");
		assertThat(linter.check("Know the report builder.", "en").findings().getFirst().suggestion())
			.contains("list", "name", "identify", "match");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Learners will be able to understand the report builder.",
			"By the end of this lesson, you will understand the report builder.",
			"Participants should understand the report builder.", "You will be able to understand the report builder.",
			"Be able to understand the report builder.", "SWBAT understand the report builder." })
	void aVagueVerbBehindAPreambleIsStillFound(String objective) {
		var check = linter.check(objective, "en");

		assertThat(check.measurable()).isFalse();
		assertThat(check.verb()).isEqualTo("understand");
		assertThat(check.findings()).extracting(ObjectiveFinding::code).containsExactly("preamble", "vague-verb");
	}

	@Test
	void aPreambleBeforeAGoodVerbOnlySuggestsStartingWithTheVerb() {
		var check = linter.check("Learners will be able to list the three plans.", "en");

		assertThat(check.measurable()).isTrue();
		assertThat(check.single()).isTrue();
		assertThat(check.verb()).isEqualTo("list");
		assertThat(check.bloomLevel()).isEqualTo(BloomLevel.REMEMBER);
		assertThat(check.findings()).singleElement().satisfies(finding -> {
			assertThat(finding.code()).isEqualTo("preamble");
			assertThat(finding.message()).contains("Learners will be able to");
			assertThat(finding.suggestion()).contains("“List the three plans.”");
		});
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			List the three plans and explain when each fits.          | list      | explain
			Calculate the margin and present it to a customer.       | calculate | present
			Identify, compare, then choose a plan.                    | identify  | compare
			Record a call and share it with the team.                 | record    | share
			Document the process and train a colleague.               | document  | train
			Plan, record and edit a podcast episode.                  | plan      | edit
			Diagnose a failed payment and refund the customer.        | diagnose  | refund
			Configure the export, then schedule it every Monday.      | configure | schedule
			Learners will be able to list the plans and compare them. | list      | compare
			""")
	void severalActionsInOneSentenceAreSeveralObjectives(String objective, String first, String second) {
		var check = linter.check(objective, "en");

		assertThat(check.single()).isFalse();
		assertThat(check.verb()).isEqualTo(first);
		var double_ = check.findings().stream().filter(f -> f.code().equals("double-objective")).findFirst().orElseThrow();
		assertThat(double_.message()).contains("“" + first + "”", "“" + second + "”");
		assertThat(double_.suggestion()).contains("two lessons");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Describe how pricing and packaging differ.", "Compare the cost and benefit of two plans.",
			"Explain how orders and returns are processed.", "Process refunds and returns.",
			"List the tools, materials and steps of a repair.", "Compute the total and the average of an invoice.",
			"Sort returns by reason and date." })
	void nounsJoinedByAndAreOneObjective(String objective) {
		var check = linter.check(objective, "en");

		assertThat(check.single()).as(check.toString()).isTrue();
		assertThat(check.findings()).extracting(ObjectiveFinding::code).doesNotContain("double-objective");
	}

	@Test
	void aVagueVerbJoinedToAGoodOneMakesTheObjectiveUnmeasurableAndDouble() {
		var check = linter.check("List the plans and understand their limits.", "en");

		assertThat(check.measurable()).isFalse();
		assertThat(check.single()).isFalse();
		assertThat(check.findings()).extracting(ObjectiveFinding::code).containsExactly("vague-verb", "double-objective");
	}

	@Test
	void twoSentencesAreNotOneObjective() {
		var check = linter.check("List the plans. Explain when each fits.", "en");

		assertThat(check.single()).isFalse();
		assertThat(check.findings()).extracting(ObjectiveFinding::code).contains("several-sentences");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Weekly reports.", "The report builder and its filters.", "Reports." })
	void anObjectiveWithoutAVerbAtItsStartIsNotMeasurable(String objective) {
		var check = linter.check(objective, "en");

		assertThat(check.measurable()).as(check.toString()).isFalse();
		assertThat(check.verb()).isNull();
		assertThat(check.bloomLevel()).isNull();
		assertThat(check.findings()).extracting(ObjectiveFinding::code).containsExactly("no-verb");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Comprendre les rapports hebdomadaires.", "Die wöchentlichen Berichte verstehen.",
			"Entender los informes semanales." })
	void anObjectiveInAnotherLanguageThanTheOneGivenIsNotMeasurable(String objective) {
		var check = linter.check(objective, "en");

		assertThat(check.measurable()).isFalse();
		assertThat(check.verb()).isNull();
		assertThat(check.findings()).singleElement().satisfies(finding -> {
			assertThat(finding.code()).isEqualTo("other-language");
			assertThat(finding.message()).contains("English");
		});
	}

	@Test
	void aLanguageMorselDoesNotReadIsRefusedWithTheOnesItDoes() {
		assertThatThrownBy(() -> linter.check("Comprendre les rapports hebdomadaires.", "fr"))
			.isInstanceOf(InvalidValueException.class)
			.hasMessageContaining("\"fr\"")
			.hasMessageContaining("en");
		assertThatThrownBy(() -> linter.check("List the plans.", "../en")).isInstanceOf(InvalidValueException.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "\n\t" })
	void anEmptyObjectiveIsRefused(String objective) {
		assertThatThrownBy(() -> linter.check(objective, "en")).isInstanceOf(InvalidValueException.class)
			.hasMessageContaining("objective");
	}

	@Test
	void aTwoThousandCharacterObjectiveIsReadQuicklyAndFlaggedAsTooLong() {
		var objective = "List the " + "very ".repeat(395) + "important plans.";
		assertThat(objective).hasSize(2_000);

		var started = System.nanoTime();
		var check = linter.check(objective, "en");
		var millis = (System.nanoTime() - started) / 1_000_000;

		assertThat(check.verb()).isEqualTo("list");
		assertThat(check.measurable()).isTrue();
		assertThat(check.findings()).singleElement().satisfies(finding -> {
			assertThat(finding.code()).isEqualTo("too-long");
			assertThat(finding.message()).contains("2,000", "300");
		});
		assertThat(millis).isLessThan(2_000);
	}

	@Test
	void anObjectiveOverTheCheckedLengthIsRefused() {
		assertThatThrownBy(() -> linter.check("List " + "x".repeat(ObjectiveLinter.MAX_CHECKED_LENGTH), "en"))
			.isInstanceOf(InvalidValueException.class)
			.hasMessageContaining("5000");
	}

	@Test
	void anAdverbBeforeTheVerbIsSkipped() {
		var check = linter.check("Quickly list the three plans.", "en");

		assertThat(check.verb()).isEqualTo("list");
		assertThat(check.measurable()).isTrue();
	}

	@Test
	void aVerbOutsideTheListsIsMeasurableWithoutALevel() {
		var check = linter.check("Laminate a badge for a visitor.", "en");

		assertThat(check.measurable()).as(check.toString()).isTrue();
		assertThat(check.bloomLevel()).isNull();
		assertThat(check.findings()).extracting(ObjectiveFinding::code).containsExactly("unlisted-verb");
	}
}
