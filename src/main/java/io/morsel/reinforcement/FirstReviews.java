package io.morsel.reinforcement;

import io.morsel.learning.AnswerRecorded;
import io.morsel.learning.Learner;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Makes a review card of every question that assesses its lesson's objective, at the learner's first answer, which is
 * the card's first review (docs/reinforcement.md, "Cards"). Listens through the event publication log, so an answer
 * whose listener failed, or whose node stopped first, is carded when the publication is resubmitted; and it is safe to
 * run twice: the card's id is the learner's and question's, and a card already there is left as it is, its first
 * review with it. Later answers to the same question in a lesson do not touch the card: the daily review schedules it.
 */
@Component
class FirstReviews {

	private final Cards cards;
	private final Scheduling scheduling;
	private final RetentionSettings retention;
	private final Masteries masteries;
	private final SkillMastery mastery;

	FirstReviews(Cards cards, Scheduling scheduling, RetentionSettings retention, Masteries masteries,
			SkillMastery mastery) {
		this.cards = cards;
		this.scheduling = scheduling;
		this.retention = retention;
		this.masteries = masteries;
		this.mastery = mastery;
	}

	@ApplicationModuleListener
	void on(AnswerRecorded answer) {
		if (!answer.assessesObjective() || answer.correct() == null) {
			return; // Practice, and exercises without a right answer, are not reviewed.
		}
		var learner = new Learner(answer.organisationId(), answer.learner());
		var rating = scheduling.rule().rate(answer.correct(), answer.credit(), answer.responseTime());
		var fsrs = scheduling.fsrs(answer.organisationId(), retention.forLesson(learner, answer.lessonId()));
		var memory = fsrs.review(ReviewCard.fresh(answer.answeredAt()), answer.answeredAt(), rating);
		var id = Cards.idOf(learner, answer.lessonId(), answer.interactionId());
		var card = new Cards.Card(id, learner, answer.lessonId(), answer.version(), answer.interactionId(), memory);
		if (!cards.insert(card)) {
			return; // Carded already: by this event's earlier run, or by an earlier answer.
		}
		// The first review's id is the card's: one first review per card, however often the event comes.
		cards.insert(new Cards.NewReview(id, card, Cards.Source.LESSON, rating, null, answer.credit(), answer.correct(),
				answer.responseTime(), answer.answeredAt(), memory));
		masteries.addSkills(card, answer.skills());
		mastery.check(learner, answer.skills(), answer.answeredAt());
	}
}
