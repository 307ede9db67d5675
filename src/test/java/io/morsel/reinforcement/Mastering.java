package io.morsel.reinforcement;

import static io.morsel.support.Eventually.await;

import io.morsel.catalog.SkillId;
import io.morsel.identity.CurrentMember;
import io.morsel.learning.AnswerRecorded;
import io.morsel.learning.AnswersRecorded;
import io.morsel.learning.Learner;
import io.morsel.learning.ReviewDueTimes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Real mastery for the tests of other modules: a new learner of their own, and a skill mastered as reinforcement
 * decides it — a right first answer six days ago, a right review two days ago — which announces SkillMastered.
 */
@Component
public class Mastering {

	private final Reviewers reviewers;
	private final FirstReviews firstReviews;
	private final Cards cards;
	private final Scheduling scheduling;
	private final RetentionSettings retention;
	private final SkillMastery mastery;
	private final ReviewDueTimes dueTimes;
	private final PlatformTransactionManager transactions;
	private final JdbcClient jdbc;

	Mastering(Reviewers reviewers, FirstReviews firstReviews, Cards cards, Scheduling scheduling,
			RetentionSettings retention, SkillMastery mastery, ReviewDueTimes dueTimes,
			PlatformTransactionManager transactions, JdbcClient jdbc) {
		this.retention = retention;
		this.dueTimes = dueTimes;
		this.jdbc = jdbc;
		this.reviewers = reviewers;
		this.firstReviews = firstReviews;
		this.cards = cards;
		this.scheduling = scheduling;
		this.mastery = mastery;
		this.transactions = transactions;
	}

	/** A new learner of the organisation, with no cards. */
	public CurrentMember learner(String organisation) {
		return reviewers.learner(organisation, "UTC");
	}

	/** The learner masters the skill through a lesson of their own organisation tagged with it. */
	public void master(CurrentMember learner, String organisation, SkillId skill) {
		master(learner, organisation, skill, Instant.now().minus(Duration.ofDays(6)));
	}

	/** As {@link #master(CurrentMember, String, SkillId)}, the first answer at {@code start}, the review 4 days on. */
	public void master(CurrentMember learner, String organisation, SkillId skill, Instant start) {
		var lesson = reviewers.lesson(organisation, "Mastering");
		var before = reviewers.cards(learner);
		firstReviews.on(new AnswersRecorded(List.of(new AnswerRecorded(learner.organisationId(), learner.userId(),
				lesson, 1, "verb", List.of(skill), true, true, 1, Duration.ofSeconds(3), start))));
		await(() -> reviewers.cards(learner) == before + 1);
		// The card's skills are written by the same listener, after the card: wait for them too.
		await(() -> jdbc.sql("SELECT count(*) FROM card_skills WHERE user_id = :user AND skill_id = :skill")
			.param("user", learner.userId().value()).param("skill", skill.value()).query(Integer.class).single() == 1);
		var card = Cards.idOf(Learner.of(learner), lesson, "verb");
		new TransactionTemplate(transactions).executeWithoutResult(status -> ReviewWriter.store(cards, scheduling,
				retention, mastery, dueTimes, List.of(new ReviewWriter.Pending(card, UUID.randomUUID(), Learner.of(learner), Rating.EASY, "{}",
						1, true, Duration.ofSeconds(3), start.plus(Duration.ofDays(4))))));
	}

	/**
	 * A review of the learner's card of the skill (the one {@link #master} made) at a time: right, or wrong — which
	 * loses a mastered skill (MasteryLost). A right one far enough after a wrong one masters it again.
	 */
	public void review(CurrentMember learner, SkillId skill, boolean correct, Instant at) {
		var card = jdbc.sql("SELECT card_id FROM card_skills WHERE user_id = :user AND skill_id = :skill")
			.param("user", learner.userId().value())
			.param("skill", skill.value())
			.query(UUID.class)
			.single();
		new TransactionTemplate(transactions).executeWithoutResult(status -> ReviewWriter.store(cards, scheduling,
				retention, mastery, dueTimes, List.of(new ReviewWriter.Pending(card, UUID.randomUUID(), Learner.of(learner),
						correct ? Rating.EASY : Rating.AGAIN, "{}", correct ? 1 : 0, correct, Duration.ofSeconds(3), at))));
	}
}
