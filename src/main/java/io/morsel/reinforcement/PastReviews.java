package io.morsel.reinforcement;

import io.morsel.catalog.ApplicationExercise;
import io.morsel.catalog.Block;
import io.morsel.catalog.LessonId;
import io.morsel.catalog.Lessons;
import io.morsel.catalog.SkillId;
import io.morsel.learning.Learner;
import io.morsel.shared.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a review history that happened before Morsel knew of it: what the demo's first start seeds, so that the demo
 * learner's mastery (and what it earns) comes from reviews as real as a learner's. The reviews go through the same
 * FSRS scheduler a review does, in time order, and are stored as the lesson's first answer and the daily reviews after
 * it would have been; then the mastery rule is judged at the last review, as after any review, and a skill it now
 * holds is announced ({@link SkillMastered}) to whoever listens. Nothing here writes a stability or a due date of its
 * own.
 */
@Service
public class PastReviews {

	private final Lessons lessons;
	private final Cards cards;
	private final Masteries masteries;
	private final Scheduling scheduling;
	private final SkillMastery mastery;

	PastReviews(Lessons lessons, Cards cards, Masteries masteries, Scheduling scheduling, SkillMastery mastery) {
		this.lessons = lessons;
		this.cards = cards;
		this.masteries = masteries;
		this.scheduling = scheduling;
		this.mastery = mastery;
	}

	/**
	 * Gives the learner a card of every question of the lesson's published version that assesses its objective, each
	 * reviewed with these ratings at these times: the first as the answer in the lesson, the others as daily reviews.
	 * A question the learner has a card of already is left as it is. Returns the cards it made.
	 *
	 * @param reviews in time order, all in the past
	 */
	@Transactional
	public int replay(Learner learner, LessonId lesson, List<Review> reviews) {
		check(reviews);
		var version = lessons.latestPublished(learner.organisationId(), lesson)
			.orElseThrow(() -> new NotFoundException("not-found.lesson"));
		var fsrs = scheduling.fsrs(learner.organisationId(), cards.desiredRetention(learner.organisationId()));
		var histories = new HashMap<UUID, List<ReviewCard>>();
		var made = new ArrayList<Cards.Card>();
		for (var block : version.content().blocks()) {
			if (!(block instanceof Block.Question question) || !question.interaction().assessesObjective()
					|| question.interaction() instanceof ApplicationExercise) {
				continue; // Practice, and exercises without a right answer, are not reviewed.
			}
			var interaction = question.interaction().id();
			var memories = fsrs.replay(reviews);
			var id = Cards.idOf(learner, lesson, interaction);
			made.add(new Cards.Card(id, learner, lesson, version.version(), interaction, memories.getLast()));
			histories.put(id, memories);
		}
		var inserted = made.isEmpty() ? List.<Cards.Card>of() : cards.insertNew(made);
		if (inserted.isEmpty()) {
			return 0;
		}
		var logged = new ArrayList<Cards.NewReview>();
		var skills = lessons.skillsOf(version);
		var skillsByCard = new HashMap<Cards.Card, List<SkillId>>();
		for (var card : inserted) {
			var memories = histories.get(card.id());
			for (int i = 0; i < reviews.size(); i++) {
				var review = reviews.get(i);
				var correct = review.rating() != Rating.AGAIN;
				// The first review's id is the card's, as the first answer's is (FirstReviews).
				logged.add(new Cards.NewReview(i == 0 ? card.id() : UUID.randomUUID(), card,
						i == 0 ? Cards.Source.LESSON : Cards.Source.REVIEW, review.rating(), null, correct ? 1 : 0,
						correct, null, review.at(), memories.get(i)));
			}
			skillsByCard.put(card, skills);
		}
		cards.insert(logged);
		masteries.addSkills(skillsByCard);
		mastery.check(learner, new HashSet<>(skills), reviews.getLast().at());
		return inserted.size();
	}

	private static void check(List<Review> reviews) {
		if (reviews.isEmpty()) {
			throw new IllegalStateException("A history has at least one review");
		}
		for (int i = 1; i < reviews.size(); i++) {
			if (reviews.get(i).at().isBefore(reviews.get(i - 1).at())) {
				throw new IllegalStateException("A history's reviews are in time order");
			}
		}
	}
}
