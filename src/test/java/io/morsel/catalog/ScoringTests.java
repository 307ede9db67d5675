package io.morsel.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The scoring rules of docs/scoring.md, type by type, edge cases included. */
class ScoringTests {

	static Option right(String id) {
		return new Option(id, "Option " + id, true, "Yes: " + id);
	}

	static Option wrong(String id) {
		return new Option(id, "Option " + id, false, "No: " + id);
	}

	static Response.Choice pick(String... ids) {
		return new Response.Choice(Set.of(ids));
	}

	@Nested
	class SingleChoices {

		final SingleChoice question = new SingleChoice("q", "Which?", List.of(right("a"), wrong("b"), wrong("c")), true,
				"Because a.");

		@Test
		void rightOptionEarnsFullCreditWithItsFeedbackAndTheExplanation() {
			var score = question.score(pick("a"));
			assertThat(score.credit()).isEqualTo(1.0);
			assertThat(score.correct()).isTrue();
			assertThat(score.feedback()).containsExactly("Yes: a");
			assertThat(score.explanation()).isEqualTo("Because a.");
		}

		@Test
		void wrongOptionEarnsNothing() {
			var score = question.score(pick("b"));
			assertThat(score.credit()).isZero();
			assertThat(score.correct()).isFalse();
			assertThat(score.feedback()).containsExactly("No: b");
		}

		@Test
		void refusesTwoPicksUnknownOptionsAndOtherKindsOfResponse() {
			assertThatThrownBy(() -> question.score(pick("a", "b"))).isInstanceOf(InvalidResponseException.class);
			assertThatThrownBy(() -> question.score(pick("z"))).isInstanceOf(InvalidResponseException.class)
				.hasMessageContaining("'z'");
			assertThatThrownBy(() -> question.score(new Response.Text("a")))
				.isInstanceOf(InvalidResponseException.class);
		}

		@Test
		void rejectsQuestionsWithoutExactlyOneRightOption() {
			assertThatThrownBy(() -> new SingleChoice("q", "Which?", List.of(right("a"), right("b")), true, null))
				.hasMessageContaining("exactly one correct");
			assertThatThrownBy(() -> new SingleChoice("q", "Which?", List.of(right("a")), true, null))
				.hasMessageContaining("at least two options");
			assertThatThrownBy(() -> new SingleChoice("q", "Which?", List.of(right("a"), wrong("a")), true, null))
				.hasMessageContaining("appears twice");
		}
	}

	@Nested
	class MultipleChoices {

		final MultipleChoice question = new MultipleChoice("m", "Which apply?",
				List.of(right("a"), right("b"), wrong("c"), wrong("d")), true, null);

		@Test
		void exactlyTheRightOptionsAreRight() {
			assertThat(question.score(pick("a", "b")).correct()).isTrue();
			assertThat(question.score(pick("a", "b")).credit()).isEqualTo(1.0);
		}

		@Test
		void missingOrExtraOptionsEarnNothingSoTickingEverythingDoesNotPay() {
			assertThat(question.score(pick("a")).credit()).isZero();
			assertThat(question.score(pick("a", "b", "c", "d")).credit()).isZero();
			assertThat(question.score(pick("a", "c")).feedback()).containsExactly("Yes: a", "No: c");
		}

		@Test
		void refusesAnEmptyResponse() {
			assertThatThrownBy(() -> question.score(pick())).isInstanceOf(InvalidResponseException.class);
		}
	}

	@Nested
	class PickingN {

		final PickN top3 = new PickN("p", "Pick the top 3 features", List.of(right("a"), right("b"), right("c"),
				wrong("d"), wrong("e")), 3, true, null);

		@Test
		void creditIsTheShareOfCorrectPicks() {
			assertThat(top3.score(pick("a", "b", "c")).credit()).isEqualTo(1.0);
			assertThat(top3.score(pick("a", "b", "d")).credit()).isCloseTo(2.0 / 3, within(1e-9));
			assertThat(top3.score(pick("a", "b", "d")).correct()).isFalse();
			assertThat(top3.score(pick("a", "d", "e")).credit()).isCloseTo(1.0 / 3, within(1e-9));
		}

		@Test
		void takesExactlyNPicks() {
			assertThatThrownBy(() -> top3.score(pick("a", "b"))).isInstanceOf(InvalidResponseException.class)
				.hasMessageContaining("exactly 3");
			assertThatThrownBy(() -> top3.score(pick("a", "b", "c", "d"))).isInstanceOf(InvalidResponseException.class);
		}

		@Test
		void rejectsAnNThatDoesNotMatchTheRightOptions() {
			assertThatThrownBy(() -> new PickN("p", "Pick 2", List.of(right("a"), right("b"), right("c"), wrong("d")), 2,
					true, null))
				.hasMessageContaining("exactly 2 correct");
			assertThatThrownBy(() -> new PickN("p", "Pick all", List.of(right("a"), right("b")), 2, true, null))
				.hasMessageContaining("fewer than all");
		}
	}

	@Nested
	class Matchings {

		final Matching features = new Matching("f", "Match each feature to its benefit",
				List.of(new Matching.Pair("sso", "Single sign-on", "fewer", "Fewer passwords", "SSO means one login."),
						new Matching.Pair("api", "Open API", "connect", "Connects your tools", null),
						new Matching.Pair("audit", "Audit log", "trace", "Who did what", "The log answers 'who'.")),
				true, null);

		@Test
		void creditIsTheShareOfCorrectPairsWithFeedbackForTheMismatched() {
			var all = features.score(new Response.Matching(Map.of("sso", "fewer", "api", "connect", "audit", "trace")));
			assertThat(all.credit()).isEqualTo(1.0);
			assertThat(all.correct()).isTrue();
			var swapped = features
				.score(new Response.Matching(Map.of("sso", "trace", "api", "connect", "audit", "fewer")));
			assertThat(swapped.credit()).isCloseTo(1.0 / 3, within(1e-9));
			assertThat(swapped.feedback()).containsExactly("SSO means one login.", "The log answers 'who'.");
		}

		@Test
		void takesAnAnswerForEveryLeftItemAndOnlyKnownRightItems() {
			assertThatThrownBy(() -> features.score(new Response.Matching(Map.of("sso", "fewer"))))
				.isInstanceOf(InvalidResponseException.class);
			assertThatThrownBy(() -> features
				.score(new Response.Matching(Map.of("sso", "fewer", "api", "connect", "audit", "nope"))))
				.isInstanceOf(InvalidResponseException.class);
		}
	}

	@Nested
	class Orderings {

		final Ordering steps = new Ordering("o", "Put the onboarding steps in order",
				List.of(new Ordering.Item("invite", "Invite the team", null),
						new Ordering.Item("connect", "Connect a data source", "Data comes before reports."),
						new Ordering.Item("report", "Build the first report", null),
						new Ordering.Item("share", "Share it", null)),
				true, null);

		@Test
		void rightOrderEarnsFullCredit() {
			var score = steps.score(new Response.Ordering(List.of("invite", "connect", "report", "share")));
			assertThat(score.credit()).isEqualTo(1.0);
			assertThat(score.correct()).isTrue();
		}

		@Test
		void oneItemMovedLosesOneStepNotEveryPositionAfterIt() {
			var score = steps.score(new Response.Ordering(List.of("connect", "report", "share", "invite")));
			assertThat(score.credit()).isCloseTo(2.0 / 3, within(1e-9));
			assertThat(score.correct()).isFalse();
			assertThat(score.feedback()).containsExactly("Data comes before reports.");
		}

		@Test
		void reversedOrderEarnsNothing() {
			assertThat(steps.score(new Response.Ordering(List.of("share", "report", "connect", "invite"))).credit())
				.isZero();
		}

		@Test
		void takesEveryItemExactlyOnce() {
			assertThatThrownBy(() -> steps.score(new Response.Ordering(List.of("invite", "connect", "report"))))
				.isInstanceOf(InvalidResponseException.class);
			assertThatThrownBy(
					() -> steps.score(new Response.Ordering(List.of("invite", "invite", "report", "share"))))
				.isInstanceOf(InvalidResponseException.class);
		}

		@Test
		void longestIncreasingSubsequenceIsFound() {
			assertThat(Ordering.longestIncreasing(new int[] { 2, 0, 1, 3 })).isEqualTo(3);
			assertThat(Ordering.longestIncreasing(new int[] { 3, 2, 1, 0 })).isEqualTo(1);
		}
	}

	@Nested
	class ShortTexts {

		final ShortText acronym = new ShortText("t", "What does NPS stand for?", List.of("Net Promoter Score"),
				"NPS is the Net Promoter Score.", true, null);

		@Test
		void caseAccentsSpacesAndPunctuationDoNotMatter() {
			assertThat(acronym.score(new Response.Text("  net   promoter score. ")).correct()).isTrue();
			assertThat(new ShortText("c", "Drink?", List.of("café"), null, false, null)
				.score(new Response.Text("CAFE")).credit()).isEqualTo(1.0);
		}

		@Test
		void anythingElseIsWrongWithTheWrongAnswerFeedback() {
			var score = acronym.score(new Response.Text("Net Promoter"));
			assertThat(score.correct()).isFalse();
			assertThat(score.feedback()).containsExactly("NPS is the Net Promoter Score.");
		}

		@Test
		void refusesBlankAndOverlongAnswers() {
			assertThatThrownBy(() -> acronym.score(new Response.Text("  "))).isInstanceOf(InvalidResponseException.class);
			assertThatThrownBy(() -> acronym.score(new Response.Text("x".repeat(501))))
				.isInstanceOf(InvalidResponseException.class);
		}
	}

	@Nested
	class Scenarios {

		@Test
		void isScoredAsASingleChoiceAboutTheSituation() {
			var scenario = new Scenario("s", "A partner's customer asks for a discount before the demo.",
					"What do you do first?", List.of(right("value"), wrong("discount")), true, "Value before price.");
			assertThat(scenario.score(pick("value")).correct()).isTrue();
			assertThat(scenario.score(pick("discount")).credit()).isZero();
			assertThatThrownBy(() -> new Scenario("s", " ", "Q?", List.of(right("a"), wrong("b")), true, null))
				.hasMessageContaining("situation");
		}
	}

	@Nested
	class ApplicationExercises {

		@Test
		void anyAnswerCompletesItWithoutRightOrWrongAndItNeverAssessesTheObjective() {
			var exercise = new ApplicationExercise("e", "Rewrite one objective of your next course.", null);
			var score = exercise.score(new Response.Text("Learners can create a weekly report in under 5 minutes."));
			assertThat(score.correct()).isNull();
			assertThat(score.credit()).isEqualTo(1.0);
			assertThat(exercise.assessesObjective()).isFalse();
			assertThatThrownBy(() -> exercise.score(new Response.Text(""))).isInstanceOf(InvalidResponseException.class);
		}
	}
}
