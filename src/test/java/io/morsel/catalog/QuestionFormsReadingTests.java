package io.morsel.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import io.morsel.catalog.PlayableLesson.Choice;
import io.morsel.catalog.PlayableLesson.Question;
import io.morsel.shared.InvalidValueException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** What a question's plain HTML form sends, read as a response; what no form of ours sends, refused. */
class QuestionFormsReadingTests {

	static final List<Choice> ABC = List.of(new Choice("a", "A"), new Choice("b", "B"), new Choice("c", "C"));

	static Question choosing(InteractionType type, Integer pick) {
		return new Question(type, "q", "Which?", true, null, pick, ABC, List.of(), List.of());
	}

	static Question writing(InteractionType type) {
		return new Question(type, "q", "Write", true, null, null, List.of(), List.of(), List.of());
	}

	static final Question MATCHING = new Question(InteractionType.MATCHING, "m", "Match", true, null, null, List.of(),
			List.of(new Choice("l1", "Left 1"), new Choice("l2", "Left 2")),
			List.of(new Choice("r2", "Right 2"), new Choice("r1", "Right 1")));

	static final Question ORDERING = new Question(InteractionType.ORDERING, "o", "Order", true, null, null, ABC,
			List.of(), List.of());

	@SafeVarargs
	static MultiValueMap<String, String> form(Map.Entry<String, List<String>>... fields) {
		var form = new LinkedMultiValueMap<String, String>();
		for (var field : fields) {
			form.put(field.getKey(), field.getValue());
		}
		return form;
	}

	static Map.Entry<String, List<String>> field(String name, String... values) {
		return Map.entry(name, List.of(values));
	}

	static void refused(Question question, MultiValueMap<String, String> form, String because) {
		assertThatThrownBy(() -> QuestionForms.read(question, form)).isInstanceOf(InvalidResponseException.class)
			.hasMessageContaining(because);
	}

	@Nested
	class Choices {

		@Test
		void singleChoiceReadsTheOneOptionPicked() {
			assertThat(QuestionForms.read(choosing(InteractionType.SINGLE_CHOICE, null), form(field("optionIds", "b"))))
				.isEqualTo(new Response.Choice(Set.of("b")));
		}

		@Test
		void scenarioReadsLikeASingleChoice() {
			assertThat(QuestionForms.read(choosing(InteractionType.SCENARIO, null), form(field("optionIds", "c"))))
				.isEqualTo(new Response.Choice(Set.of("c")));
		}

		@Test
		void multipleChoiceReadsEveryOptionTicked() {
			assertThat(QuestionForms.read(choosing(InteractionType.MULTIPLE_CHOICE, null),
					form(field("optionIds", "a", "c"))))
				.isEqualTo(new Response.Choice(Set.of("a", "c")));
		}

		@Test
		void pickNReadsExactlyNPicks() {
			assertThat(QuestionForms.read(choosing(InteractionType.PICK_N, 2), form(field("optionIds", "a", "b"))))
				.isEqualTo(new Response.Choice(Set.of("a", "b")));
		}

		@Test
		void nothingPickedIsRefused() {
			refused(choosing(InteractionType.MULTIPLE_CHOICE, null), form(), "Choose an answer first.");
			refused(choosing(InteractionType.SINGLE_CHOICE, null), form(field("optionIds")), "Choose an answer first.");
		}

		@Test
		void anOptionTheQuestionLacksIsRefused() {
			refused(choosing(InteractionType.SINGLE_CHOICE, null), form(field("optionIds", "z")), "no such option");
		}

		@Test
		void anOptionPickedTwiceIsRefused() {
			refused(choosing(InteractionType.MULTIPLE_CHOICE, null), form(field("optionIds", "a", "a")),
					"each option once");
		}

		@Test
		void twoPicksForASingleChoiceAreRefused() {
			refused(choosing(InteractionType.SINGLE_CHOICE, null), form(field("optionIds", "a", "b")),
					"Choose one answer.");
			refused(choosing(InteractionType.SCENARIO, null), form(field("optionIds", "a", "b")), "Choose one answer.");
		}

		@Test
		void moreOrFewerPicksThanNAreRefused() {
			refused(choosing(InteractionType.PICK_N, 2), form(field("optionIds", "a", "b", "c")),
					"Pick exactly 2 options; you picked 3.");
			refused(choosing(InteractionType.PICK_N, 2), form(field("optionIds", "a")), "Pick exactly 2 options; you picked 1.");
		}
	}

	@Nested
	class Matchings {

		@Test
		void readsTheMatchChosenForEveryLeftItem() {
			assertThat(QuestionForms.read(MATCHING, form(field("pair.l1", "r1"), field("pair.l2", "r2"))))
				.isEqualTo(new Response.Matching(Map.of("l1", "r1", "l2", "r2")));
		}

		@Test
		void aLeftItemWithoutItsMatchIsRefused() {
			refused(MATCHING, form(field("pair.l1", "r1")), "Match every item first.");
			refused(MATCHING, form(field("pair.l1", "r1"), field("pair.l2", " ")), "Match every item first.");
		}

		@Test
		void aMatchTheQuestionLacksIsRefused() {
			refused(MATCHING, form(field("pair.l1", "r1"), field("pair.l2", "r9")), "no such match");
		}

		@Test
		void twoMatchesForOneItemAreRefused() {
			refused(MATCHING, form(field("pair.l1", "r1", "r2"), field("pair.l2", "r2")), "one answer for each item");
		}
	}

	@Nested
	class Orderings {

		@Test
		void readsTheItemsInTheOrderOfTheirPositions() {
			assertThat(QuestionForms.read(ORDERING,
					form(field("position.a", "3"), field("position.b", " 1 "), field("position.c", "2"))))
				.isEqualTo(new Response.Ordering(List.of("b", "c", "a")));
		}

		@Test
		void anItemWithoutAPositionIsRefused() {
			refused(ORDERING, form(field("position.a", "1"), field("position.b", "2")), "Give each item a position.");
		}

		@Test
		void aPositionThatIsNoNumberIsRefused() {
			refused(ORDERING, form(field("position.a", "first"), field("position.b", "2"), field("position.c", "3")),
					"Give each item a position.");
		}

		@Test
		void aPositionOutsideTheListIsRefused() {
			refused(ORDERING, form(field("position.a", "0"), field("position.b", "2"), field("position.c", "3")),
					"from 1 to 3");
			refused(ORDERING, form(field("position.a", "4"), field("position.b", "2"), field("position.c", "3")),
					"from 1 to 3");
		}

		@Test
		void twoItemsInOnePositionAreRefused() {
			refused(ORDERING, form(field("position.a", "1"), field("position.b", "1"), field("position.c", "3")),
					"its own position");
		}
	}

	@Nested
	class WrittenAnswers {

		@Test
		void shortTextReadsTheAnswerWithoutSurroundingSpace() {
			assertThat(QuestionForms.read(writing(InteractionType.SHORT_TEXT), form(field("text", "  measurable "))))
				.isEqualTo(new Response.Text("measurable"));
		}

		@Test
		void exerciseReadsTheLearnersOwnWords() {
			assertThat(QuestionForms.read(writing(InteractionType.EXERCISE), form(field("text", "My objective."))))
				.isEqualTo(new Response.Text("My objective."));
		}

		@Test
		void aBlankOrMissingAnswerIsRefused() {
			refused(writing(InteractionType.SHORT_TEXT), form(), "Write your answer first.");
			refused(writing(InteractionType.EXERCISE), form(field("text", "   ")), "Write your answer first.");
		}

		@Test
		void twoAnswersInOneFormAreRefused() {
			refused(writing(InteractionType.SHORT_TEXT), form(field("text", "one", "two")), "one answer");
		}

		@Test
		void anAnswerLongerThanAnyFormTakesIsRefused() {
			refused(writing(InteractionType.EXERCISE), form(field("text", "x".repeat(4001))), "4000 characters");
		}

		@Test
		void fieldsOfAnotherTypeDoNotMakeAnAnswer() {
			refused(writing(InteractionType.SHORT_TEXT), form(field("optionIds", "a")), "Write your answer first.");
			refused(choosing(InteractionType.SINGLE_CHOICE, null), form(field("text", "a")), "Choose an answer first.");
		}
	}

	@Test
	void everyTypeKeepsTheNameTheLessonFormatGivesIt() {
		for (var type : InteractionType.values()) {
			assertThat(InteractionType.named(type.formatName())).isSameAs(type);
		}
		assertThat(InteractionType.PICK_N.formatName()).isEqualTo("pick-n");
		assertThatThrownBy(() -> InteractionType.named("essay")).isInstanceOf(InvalidValueException.class);
		var formatNames = java.util.Arrays.stream(Interaction.class.getAnnotation(JsonSubTypes.class).value())
			.map(JsonSubTypes.Type::name)
			.toList();
		assertThat(formatNames).map(InteractionType::named).containsExactlyInAnyOrder(InteractionType.values());
	}
}
