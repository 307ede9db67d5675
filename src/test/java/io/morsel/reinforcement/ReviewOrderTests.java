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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The daily review's order: lessons and skills take turns, and each showing of a question has its own fixed option order. */
class ReviewOrderTests {

	private static final Learner LEARNER = new Learner(new OrganisationId(UUID.randomUUID()), new UserId(UUID.randomUUID()));

	/** A question of a review: its name, its lesson and its skills. */
	private record Asked(String name, String lesson, Set<String> skills) {
	}

	@Test
	void lessonsTakeTurnsSoonestDueFirst() {
		var due = List.of(asked("a1", "a"), asked("a2", "a"), asked("a3", "a"), asked("b1", "b"), asked("c1", "c"),
				asked("b2", "b"));

		assertThat(names(due)).containsExactly("a1", "b1", "a2", "c1", "a3", "b2");
	}

	@Test
	void questionsOfOneSkillFromDifferentLessonsDoNotFollowEachOther() {
		// Lessons a, b and d build "tense"; c builds "plural". Soonest first would ask a1 b1 c1 d1: tense twice.
		var due = List.of(asked("a1", "a", "tense"), asked("b1", "b", "tense"), asked("c1", "c", "plural"),
				asked("d1", "d", "tense"));

		assertThat(names(due)).containsExactly("a1", "c1", "b1", "d1");
		var spread = List.of(asked("a1", "a", "tense"), asked("b1", "b", "tense"), asked("c1", "c", "plural"),
				asked("d1", "d", "plural"));
		assertThat(names(spread)).containsExactly("a1", "c1", "b1", "d1");
	}

	@Test
	void aQuestionSharingASkillIsPreferredToOneOfTheSameLesson() {
		var due = List.of(asked("a1", "a", "tense"), asked("a2", "a", "tense"), asked("b1", "b", "tense"));

		assertThat(names(due)).containsExactly("a1", "b1", "a2");
	}

	@Test
	void aLessonWithMoreThanHalfOfWhatIsLeftGoesFirstSoItsQuestionsStayApart() {
		// Soonest first would be a1 b1 c1 then a2 a3: two of a in a row.
		var due = List.of(asked("a1", "a"), asked("b1", "b"), asked("c1", "c"), asked("a2", "a"), asked("a3", "a"));

		assertThat(names(due)).containsExactly("a1", "b1", "a2", "c1", "a3");
	}

	@Test
	void consecutiveQuestionsShareNoLessonWheneverAnyOrderAllowsIt() {
		var random = new Random(12);
		for (int round = 0; round < 500; round++) {
			var lessons = 1 + random.nextInt(5);
			var due = new ArrayList<Asked>();
			var size = 1 + random.nextInt(12);
			for (int i = 0; i < size; i++) {
				var lesson = "l" + random.nextInt(lessons);
				due.add(asked(lesson + "-" + i, lesson, "s" + random.nextInt(3)));
			}
			var most = due.stream().collect(Collectors.groupingBy(Asked::lesson, Collectors.counting())).values()
				.stream().max(Long::compare).orElseThrow();
			var possible = most <= (size + 1) / 2;

			var order = Interleaving.of(due, Asked::lesson, Asked::skills);

			assertThat(order).containsExactlyInAnyOrderElementsOf(due);
			if (possible) {
				for (int i = 1; i < order.size(); i++) {
					assertThat(order.get(i).lesson()).as("round %d, %s", round, order).isNotEqualTo(order.get(i - 1).lesson());
				}
			}
		}
	}

	private static Asked asked(String name, String lesson, String... skills) {
		return new Asked(name, lesson, Set.of(skills));
	}

	private static List<String> names(List<Asked> due) {
		return Interleaving.of(due, Asked::lesson, Asked::skills).stream().map(Asked::name).toList();
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
