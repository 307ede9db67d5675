package io.morsel.reinforcement;

import io.morsel.catalog.SkillId;
import io.morsel.learning.AnswerRecorded;
import io.morsel.learning.AnswersRecorded;
import io.morsel.learning.Learner;
import io.morsel.learning.ReviewDueTimes;
import io.morsel.shared.AsynchronousCommit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Makes a review card of every question that assesses its lesson's objective, at the learner's first answer, which is
 * the card's first review (docs/reinforcement.md, "Cards"). Listens through the event publication log, so an answer
 * whose listener failed, or whose node stopped first, is carded when the publication is resubmitted; and it is safe to
 * run twice: the card's id is the learner's and question's, and a card already there is left as it is, its first
 * review with it. Later answers to the same question in a lesson do not touch the card: the daily review schedules it.
 *
 * <p>It takes the answers of one write together ({@link AnswersRecorded}, ADR 0015): one publication and one transaction
 * for the cards, first reviews and skills of a batch, in one statement each. That transaction commits asynchronously
 * (ADR 0056): the answers it cards are stored already, and a card lost in a crash of the database is made again.
 */
@Component
class FirstReviews {

	/** UUIDs in PostgreSQL's order (their bytes, unsigned), the order of the writers' {@code ORDER BY id}. */
	private static final Comparator<UUID> AS_STORED = Comparator
		.comparing((UUID id) -> id.getMostSignificantBits(), Long::compareUnsigned)
		.thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);

	private static final Comparator<Cards.Card> BY_ID = Comparator.comparing(Cards.Card::id, AS_STORED);

	private static final Comparator<Learner> BY_LEARNER = Comparator
		.comparing((Learner learner) -> learner.organisationId().value(), AS_STORED)
		.thenComparing(learner -> learner.userId().value(), AS_STORED);

	private final Cards cards;
	private final Scheduling scheduling;
	private final RetentionSettings retention;
	private final Masteries masteries;
	private final SkillMastery mastery;
	/** Each learner's earliest due time, which Today reads: kept with the cards made. */
	private final ReviewDueTimes dueTimes;
	private final AsynchronousCommit asynchronousCommit;

	FirstReviews(Cards cards, Scheduling scheduling, RetentionSettings retention, Masteries masteries,
			SkillMastery mastery, ReviewDueTimes dueTimes, AsynchronousCommit asynchronousCommit) {
		this.dueTimes = dueTimes;
		this.asynchronousCommit = asynchronousCommit;
		this.cards = cards;
		this.scheduling = scheduling;
		this.retention = retention;
		this.masteries = masteries;
		this.mastery = mastery;
	}

	@ApplicationModuleListener
	void on(AnswersRecorded recorded) {
		var made = new LinkedHashMap<UUID, First>();
		var retentions = retention.forBatch();
		for (var answer : recorded.answers()) {
			if (!answer.assessesObjective() || answer.correct() == null) {
				continue; // Practice, and exercises without a right answer, are not reviewed.
			}
			var learner = new Learner(answer.organisationId(), answer.learner());
			var rating = scheduling.rule().rate(answer.correct(), answer.credit(), answer.responseTime());
			var fsrs = scheduling.fsrs(answer.organisationId(), retentions.forLesson(learner, answer.lessonId()));
			var memory = fsrs.review(ReviewCard.fresh(answer.answeredAt()), answer.answeredAt(), rating);
			var id = Cards.idOf(learner, answer.lessonId(), answer.interactionId());
			var card = new Cards.Card(id, learner, answer.lessonId(), answer.version(), answer.interactionId(), memory);
			made.putIfAbsent(id, new First(card, answer, rating));
		}
		if (made.isEmpty()) {
			return;
		}
		// What a crash of the database loses of this is lost with the publication's completion, which commits after it:
		// the publication is resubmitted, and this runs again (ADR 0056).
		asynchronousCommit.forThisTransaction();
		// Those carded already (by this event's earlier run, or by an earlier answer) are left as they are. In the order
		// of their ids, so that two listeners inserting the same cards never wait on each other in a circle.
		var inserted = cards.insertNew(made.values().stream().map(First::card).sorted(BY_ID).toList());
		if (inserted.isEmpty()) {
			return;
		}
		var earliest = new HashMap<Learner, Instant>();
		inserted.forEach(card -> earliest.merge(card.learner(), card.memory().due(), FirstReviews::earlier));
		dueTimes.cardsMade(earliest);
		var reviews = new ArrayList<Cards.NewReview>(inserted.size());
		var skills = new HashMap<Cards.Card, List<SkillId>>();
		// Learner by learner in the order of their ids, as every writer locks their statuses.
		var checks = new TreeMap<Learner, Check>(BY_LEARNER);
		for (var card : inserted) {
			var first = made.get(card.id());
			var answer = first.answer();
			// The first review's id is the card's: one first review per card, however often the event comes.
			reviews.add(new Cards.NewReview(card.id(), card, Cards.Source.LESSON, first.rating(), null,
					answer.credit(), answer.correct(), answer.responseTime(), answer.answeredAt(), card.memory()));
			skills.put(card, answer.skills());
			checks.computeIfAbsent(card.learner(), learner -> new Check()).add(answer);
		}
		cards.insert(reviews);
		masteries.addSkills(skills);
		checks.forEach((learner, check) -> mastery.check(learner, check.skills, check.latest));
	}

	private static Instant earlier(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	/** A card made by an answer, and the answer's rating: the card's first review. */
	private record First(Cards.Card card, AnswerRecorded answer, Rating rating) {
	}

	/** A learner's skills to check after the batch, as of its latest answer. */
	private static final class Check {

		private final Set<SkillId> skills = new LinkedHashSet<>();
		private Instant latest = Instant.MIN;

		void add(AnswerRecorded answer) {
			skills.addAll(answer.skills());
			if (answer.answeredAt().isAfter(latest)) {
				latest = answer.answeredAt();
			}
		}
	}
}
