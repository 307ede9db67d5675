package io.morsel.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.morsel.catalog.Marking.Verdict;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An answer marked item by item: every option in view, its own feedback beside it, the right answer revealed. */
class MarkingTests {

	private static final PickN TOP_TWO = new PickN("top", "Pick the two observable verbs",
			List.of(new Option("a", "Name", true, "Names can be checked."), new Option("b", "Sort", true, null),
					new Option("c", "Appreciate", false, "Nobody can see appreciation.")),
			2, true, null);

	@Test
	void everyOptionStaysWithItsOwnVerdictAndTheMissedRightOneIsRevealed() {
		var marking = Marking.of(TOP_TWO, new Response.Choice(Set.of("a", "c")));

		assertThat(marking.marks()).extracting(Marking.Mark::text).containsExactly("Name", "Sort", "Appreciate");
		assertThat(marking.marks()).extracting(Marking.Mark::verdict)
			.containsExactly(Verdict.RIGHT, Verdict.MISSED, Verdict.WRONG);
		// Feedback sits beside the option it was written for, and only for what was picked.
		assertThat(marking.marks()).extracting(Marking.Mark::feedback)
			.containsExactly("Names can be checked.", null, "Nobody can see appreciation.");
	}

	@Test
	void aFullyRightChoiceRevealsNothingMore() {
		var marking = Marking.of(TOP_TWO, new Response.Choice(Set.of("a", "b")));

		assertThat(marking.marks()).extracting(Marking.Mark::verdict)
			.containsExactly(Verdict.RIGHT, Verdict.RIGHT, Verdict.NONE);
		assertThat(marking.rightAnswer()).isEmpty();
	}

	@Test
	void aMismatchedPairGivesItsRightMatchAndItsFeedback() {
		var matching = new Matching("match", "Match the part to the example",
				List.of(new Matching.Pair("verb", "Verb", "create", "Create", null),
						new Matching.Pair("condition", "Condition", "inFive", "in five minutes", "Conditions say how well.")),
				true, null);

		var marking = Marking.of(matching, new Response.Matching(Map.of("verb", "create", "condition", "create")));

		assertThat(marking.marks().get(0)).isEqualTo(new Marking.Mark("Verb", true, Verdict.RIGHT, "Create", null, null));
		assertThat(marking.marks().get(1)).isEqualTo(new Marking.Mark("Condition", true, Verdict.WRONG, "Create",
				"Conditions say how well.", "in five minutes"));
	}

	@Test
	void anOrderingMarksEachItemAtItsPlaceAndRevealsTheRightOrder() {
		var ordering = new Ordering("order", "Order the parts",
				List.of(new Ordering.Item("verb", "Verb", null), new Ordering.Item("object", "Object", "The object follows."),
						new Ordering.Item("standard", "Standard", null)),
				false, null);

		var marking = Marking.of(ordering, new Response.Ordering(List.of("verb", "standard", "object")));

		assertThat(marking.marks()).extracting(Marking.Mark::text).containsExactly("Verb", "Standard", "Object");
		assertThat(marking.marks()).extracting(Marking.Mark::verdict)
			.containsExactly(Verdict.RIGHT, Verdict.WRONG, Verdict.WRONG);
		assertThat(marking.marks().get(2).right()).isEqualTo("2");
		assertThat(marking.marks().get(2).feedback()).isEqualTo("The object follows.");
		assertThat(marking.rightAnswer()).containsExactly("Verb", "Object", "Standard");
	}

	@Test
	void aWrongShortAnswerRevealsAnAcceptedOne() {
		var text = new ShortText("acronym", "What does the M stand for?", List.of("Measurable", "measureable"),
				"M is for measurable.", false, null);

		var wrong = Marking.of(text, new Response.Text("Meaningful"));
		var right = Marking.of(text, new Response.Text(" measurable. "));

		assertThat(wrong.marks().getFirst().verdict()).isEqualTo(Verdict.WRONG);
		assertThat(wrong.marks().getFirst().feedback()).isEqualTo("M is for measurable.");
		assertThat(wrong.rightAnswer()).containsExactly("Measurable");
		assertThat(right.rightAnswer()).isEmpty();
	}

	@Test
	void aResponseTheInteractionRefusesIsRefusedHereToo() {
		assertThatThrownBy(() -> Marking.of(TOP_TWO, new Response.Choice(Set.of("a"))))
			.isInstanceOf(InvalidResponseException.class);
	}
}
