package io.morsel.reinforcement;

import static io.morsel.support.Csrf.csrf;
import static io.morsel.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.morsel.MorselIntegrationTest;
import io.morsel.TestInfrastructure;
import io.morsel.catalog.LessonId;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.identity.SignedIn;
import io.morsel.learning.AnswerRecorded;
import io.morsel.learning.AnswersRecorded;
import io.morsel.learning.Learner;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Today asks for the review cards due only when the learner's earliest due time, read with their other rows, says one
 * may be (learning's ReviewDueTimes): a card made by a lesson answer or rescheduled by a review shows on Today as soon
 * as it is due, also when its due time is reached between two Todays, and the earliest due time follows the cards.
 */
@MorselIntegrationTest
class ReviewsOnTodayTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Reviewers reviewers;

	@Autowired
	Directory directory;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DailyReview review;

	@Test
	void aCardAWrongLessonAnswerMakesIsOnTodayAtOnce() throws Exception {
		var learner = reviewers.learner("globex", zoneWhereItIs(LocalTime.NOON));
		var lesson = reviewers.lesson("globex", "Missed");
		assertThat(today(learner)).doesNotContain("review-card");

		answerInThePlayer(learner, lesson, "b"); // Wrong: again, in a minute.
		await(() -> reviewers.cards(learner) == 1);

		assertThat(today(learner)).contains("review-card", "1 question, about 1 minute");
		assertThat(earliestDue(learner)).isEqualTo(cardsEarliestDue(learner));
	}

	@Test
	void aCardFallingDueOnTheNextReviewDayShowsOnceThatDayBegins() throws Exception {
		var learner = reviewers.learner("globex", "UTC");
		var lesson = reviewers.lesson("globex", "Tomorrow");
		answerInThePlayer(learner, lesson, "b"); // Due a minute after the answer.
		await(() -> reviewers.cards(learner) == 1);
		var due = cardsEarliestDue(learner);
		// The learner lives where their review day ends (at 04:00) a few seconds from now, before the card falls due.
		var dayEnds = Instant.now().plusSeconds(8);
		assertThat(dayEnds).isBefore(due);
		var moved = inZone(learner, zoneWhereItIs(LocalTime.of(4, 0), dayEnds));

		assertThat(today(moved)).doesNotContain("review-card");
		assertThat(Instant.now()).as("the first Today came before the review day ended").isBefore(dayEnds);
		Thread.sleep(Math.max(0, Duration.between(Instant.now(), dayEnds).toMillis()) + 200);

		assertThat(today(moved)).contains("review-card", "1 question, about 1 minute");
	}

	@Test
	void aReviewMovesTheLearnersEarliestDueTimeBothWays() throws Exception {
		var learner = reviewers.learner("globex", zoneWhereItIs(LocalTime.NOON));
		var lesson = reviewers.lesson("globex", "Rescheduled");
		answerInThePlayer(learner, lesson, "a"); // Right at once: easy, due days later.
		await(() -> reviewers.cards(learner) == 1);
		assertThat(cardsEarliestDue(learner)).isAfter(Instant.now().plus(Duration.ofDays(1)));
		assertThat(today(learner)).doesNotContain("review-card");

		// Reviewed early and missed: the review writer makes it due in minutes, and Today offers it.
		answerTheReview(learner, "b");
		assertThat(cardsEarliestDue(learner)).isBefore(Instant.now().plus(Duration.ofHours(1)));
		assertThat(today(learner)).contains("review-card", "1 question");

		// Reviewed and right: due days later again, and the learner's earliest due time rises with it.
		answerTheReview(learner, "a");
		assertThat(cardsEarliestDue(learner)).isAfter(Instant.now().plus(Duration.ofHours(1)));
		assertThat(earliestDue(learner)).isEqualTo(cardsEarliestDue(learner));
		assertThat(today(learner)).doesNotContain("review-card");
	}

	@Test
	void theEarliestDueTimeIsTheCardsEarliestWhateverMadeOrRescheduledThem(@Autowired FirstReviews listener,
			@Autowired Cards cards, @Autowired Scheduling scheduling, @Autowired RetentionSettings retention,
			@Autowired SkillMastery mastery,
			@Autowired io.morsel.learning.ReviewDueTimes dueTimes, @Autowired PlatformTransactionManager transactions) {
		var learner = reviewers.learner("globex", "UTC");
		var random = new Random(14);
		var made = new ArrayList<UUID>();
		var start = Instant.now().minus(Duration.ofDays(30));
		for (int round = 0; round < 12; round++) {
			if (made.isEmpty() || random.nextInt(3) == 0) {
				var lesson = reviewers.lesson("globex", "Kept");
				var answeredAt = start.plus(Duration.ofHours(random.nextInt(24 * 20)));
				listener.on(new AnswersRecorded(List.of(new AnswerRecorded(learner.organisationId(), learner.userId(),
						lesson, 1, "verb", List.of(), true, random.nextBoolean(), 1, Duration.ofSeconds(3),
						answeredAt))));
				made.add(Cards.idOf(Learner.of(learner), lesson, "verb"));
				await(() -> reviewers.cards(learner) == made.size());
			}
			else {
				var card = made.get(random.nextInt(made.size()));
				var rating = Rating.values()[random.nextInt(Rating.values().length)];
				var at = start.plus(Duration.ofDays(20).plusHours(round * 12L + random.nextInt(12)));
				new TransactionTemplate(transactions).executeWithoutResult(status -> ReviewWriter.store(cards,
						scheduling, retention, mastery, dueTimes, List.of(new ReviewWriter.Pending(card, UUID.randomUUID(),
								Learner.of(learner), rating, "{}", 1, true, Duration.ofSeconds(3), at))));
			}
			assertThat(earliestDue(learner)).as("round %d", round).isEqualTo(cardsEarliestDue(learner));
		}
	}

	@Test
	void aReviewWaitsForCardsBeingMadeAndCountsThem(@Autowired Cards cards, @Autowired Scheduling scheduling,
			@Autowired RetentionSettings retention, @Autowired SkillMastery mastery,
			@Autowired io.morsel.learning.ReviewDueTimes dueTimes, @Autowired PlatformTransactionManager transactions) {
		assumeFalse(TestInfrastructure.onH2(), "H2 has no shared row locks: there the row is written under its own");
		var member = reviewers.learner("globex", "UTC");
		var learner = Learner.of(member);
		var now = Instant.now();
		var inTransaction = new TransactionTemplate(transactions);
		// A card answered wrong days ago, due since; then, being made meanwhile, a card answered right now, due in
		// minutes: later than the first, so the transaction making it only shares the learner's row.
		var reviewed = card(scheduling, learner, reviewers.lesson("globex", "Reviewed"), now.minus(Duration.ofDays(3)),
				Rating.AGAIN);
		inTransaction.executeWithoutResult(status -> {
			cards.insertNew(List.of(reviewed));
			dueTimes.cardsMade(Map.of(learner, reviewed.memory().due()));
		});
		var made = card(scheduling, learner, reviewers.lesson("globex", "Made"), now, Rating.GOOD);
		var shared = new CountDownLatch(1);
		var commit = new CountDownLatch(1);
		// Each on a thread of its own: the common pool may have one, which the first would keep.
		var threads = Executors.newFixedThreadPool(2);
		var making = CompletableFuture.runAsync(() -> inTransaction.executeWithoutResult(status -> {
			cards.insertNew(List.of(made));
			dueTimes.cardsMade(Map.of(learner, made.memory().due()));
			shared.countDown();
			awaitQuietly(commit);
		}), threads);
		awaitQuietly(shared);

		// The first card reviewed and easy: due days later. Its writer waits for the card being made, then counts it.
		var reviewing = CompletableFuture.runAsync(() -> inTransaction.executeWithoutResult(status -> ReviewWriter
			.store(cards, scheduling, retention, mastery, dueTimes, List.of(new ReviewWriter.Pending(reviewed.id(),
					UUID.randomUUID(), learner, Rating.EASY, "{}", 1, true, Duration.ofSeconds(3), now)))), threads);
		try {
			await(() -> jdbc.sql("""
					SELECT count(*)
					FROM pg_stat_activity
					WHERE datname = current_database()
					  AND wait_event_type = 'Lock'
					""").query(Integer.class).single() > 0);
		}
		finally {
			commit.countDown();
			threads.shutdown();
		}
		making.join();
		reviewing.join();

		assertThat(earliestDue(member)).isEqualTo(cardsEarliestDue(member)).isBefore(now.plus(Duration.ofHours(1)));
	}

	private static Cards.Card card(Scheduling scheduling, Learner learner, LessonId lesson, Instant at, Rating rating) {
		var memory = scheduling.fsrs(learner.organisationId(), 0.9).review(ReviewCard.fresh(at), at, rating);
		return new Cards.Card(Cards.idOf(learner, lesson, "verb"), learner, lesson, 1, "verb", memory);
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private void answerInThePlayer(CurrentMember learner, LessonId lesson, String option) throws Exception {
		mvc.perform(get("/lessons/" + lesson.value()).with(SignedIn.as(learner)));
		var response = mvc.perform(post("/lessons/" + lesson.value() + "/answers/verb")
			.param("shownAt", String.valueOf(System.currentTimeMillis() - 2000))
			.param("optionIds", option)
			.with(SignedIn.as(learner))
			.with(csrf())).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(302);
	}

	/** Answers the learner's one card in the review, due or not, as the review page sends it. */
	private void answerTheReview(CurrentMember learner, String option) throws Exception {
		var card = jdbc.sql("SELECT id FROM review_cards WHERE user_id = :user")
			.param("user", learner.userId().value())
			.query(UUID.class)
			.single();
		var item = review.show(Learner.of(learner), card);
		var response = mvc.perform(post("/review/answers").param("cardId", card.toString())
			.param("reviewItemId", item.reviewItemId().toString())
			.param("optionIds", option)
			.param("shownAt", String.valueOf(System.currentTimeMillis() - 12_000))
			.with(SignedIn.as(learner))
			.with(csrf())).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(302);
	}

	private String today(CurrentMember learner) throws Exception {
		return mvc.perform(get("/today").with(SignedIn.as(learner))).andReturn().getResponse().getContentAsString();
	}

	/** The learner as they are read with another time zone. */
	private CurrentMember inZone(CurrentMember learner, String zone) {
		jdbc.sql("UPDATE users SET time_zone = :zone WHERE id = :user")
			.param("zone", zone)
			.param("user", learner.userId().value())
			.update();
		return directory.member(learner.email(), "globex").orElseThrow();
	}

	private Instant earliestDue(CurrentMember learner) {
		return jdbc.sql("SELECT earliest_due FROM learner_review_due WHERE user_id = :user")
			.param("user", learner.userId().value())
			.query(OffsetDateTime.class)
			.single()
			.toInstant();
	}

	private Instant cardsEarliestDue(CurrentMember learner) {
		return jdbc.sql("SELECT MIN(due) FROM review_cards WHERE user_id = :user")
			.param("user", learner.userId().value())
			.query(OffsetDateTime.class)
			.single()
			.toInstant();
	}

	/** A fixed offset in which the wall clock shows about this time now. */
	static String zoneWhereItIs(LocalTime time) {
		return zoneWhereItIs(time, Instant.now());
	}

	/** A fixed offset in which the wall clock shows this time at {@code at}, to the second. */
	static String zoneWhereItIs(LocalTime time, Instant at) {
		var utc = at.atOffset(ZoneOffset.UTC).toLocalTime().toSecondOfDay();
		var offset = Math.floorMod(time.toSecondOfDay() - utc, 24 * 3600);
		if (offset > 12 * 3600) {
			offset -= 24 * 3600;
		}
		return ZoneOffset.ofTotalSeconds(offset).getId();
	}
}
