package io.morsel.reinforcement;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.catalog.InteractionType;
import io.morsel.catalog.LessonId;
import io.morsel.catalog.PlayableLesson.Choice;
import io.morsel.catalog.PlayableLesson.Question;
import io.morsel.identity.OrganisationId;
import io.morsel.identity.UserId;
import io.morsel.learning.Learner;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The daily review's order: lessons take turns, and each showing of a question has its own fixed option order. */
class ReviewOrderTests {

	private static final Learner LEARNER = new Learner(new OrganisationId(UUID.randomUUID()), new UserId(UUID.randomUUID()));

	@Test
	void lessonsTakeTurnsSoonestDueFirstWhileTheyHaveCardsLeft() {
		var a = new LessonId(UUID.randomUUID());
		var b = new LessonId(UUID.randomUUID());
		var c = new LessonId(UUID.randomUUID());
		var due = List.of(card(a, "a1"), card(a, "a2"), card(a, "a3"), card(b, "b1"), card(c, "c1"), card(b, "b2"));

		var order = DailyReview.interleaved(due).stream().map(Cards.Card::interactionId).toList();

		assertThat(order).containsExactly("a1", "b1", "c1", "a2", "b2", "a3");
	}

	@Test
	void oneShowingKeepsItsOptionOrderAndAnotherShowingMayChangeIt() {
		var options = IntStream.rangeClosed(1, 6).mapToObj(i -> new Choice("o" + i, "Option " + i)).toList();
		var question = new Question(InteractionType.SINGLE_CHOICE, "q", "Which?", true, null, null, options, List.of(),
				List.of());
		var showing = UUID.randomUUID();

		var first = DailyReview.shuffled(question, showing).options();
		var again = DailyReview.shuffled(question, showing).options();
		var orders = new HashSet<List<Choice>>();
		for (int i = 0; i < 20; i++) {
			orders.add(DailyReview.shuffled(question, UUID.randomUUID()).options());
		}

		assertThat(again).isEqualTo(first).containsExactlyInAnyOrderElementsOf(options);
		assertThat(orders).hasSizeGreaterThan(1);
	}

	@Test
	void aCardKeepsItsReviewItemUntilItIsReviewed() {
		var lesson = new LessonId(UUID.randomUUID());
		var card = card(lesson, "q");
		var reviewed = new Cards.Card(card.id(), LEARNER, lesson, 1, "q",
				new Fsrs(FsrsParameters.DEFAULT).review(card.memory(), Instant.now(), Rating.GOOD));

		assertThat(DailyReview.itemIdOf(card)).isEqualTo(DailyReview.itemIdOf(card(lesson, "q")))
			.isNotEqualTo(DailyReview.itemIdOf(reviewed));
	}

	private static Cards.Card card(LessonId lesson, String interaction) {
		return new Cards.Card(Cards.idOf(LEARNER, lesson, interaction), LEARNER, lesson, 1, interaction,
				ReviewCard.fresh(Instant.parse("2026-11-30T08:00:00Z")));
	}
}
