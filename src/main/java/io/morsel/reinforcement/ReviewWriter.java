package io.morsel.reinforcement;

import io.micrometer.core.instrument.MeterRegistry;
import io.morsel.learning.Learner;
import io.morsel.learning.ReviewDueTimes;
import io.morsel.shared.Batcher;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Writes review answers with other learners' in one transaction of the node's review writer (a {@link Batcher}, as
 * lesson answers are written: ADR 0005). Each review locks its card, so two reviews of one card are made one after the
 * other, and is stored once: a review item already reviewed is a replay, which changes nothing.
 */
@Component
class ReviewWriter {

	/** The most reviews written in one transaction. */
	static final int MOST = 256;

	/** A judged review answer, to apply to its card. */
	record Pending(UUID cardId, UUID reviewItemId, Learner learner, Rating rating, String response, double credit,
			@Nullable Boolean correct, @Nullable Duration timeTaken, Instant at) {
	}

	/** The card's memory after the review; {@code replayed} when the review item had been reviewed already. */
	record Written(boolean replayed, @Nullable ReviewCard after) {
	}

	private final Batcher<Pending, Written> batcher;

	ReviewWriter(Batcher<Pending, Written> reviewBatcher) {
		this.batcher = reviewBatcher;
	}

	/** Writes the review in the writer's next batch; returns once it is committed. Outside any transaction. */
	Written write(Pending review) {
		return batcher.write(review);
	}

	/**
	 * Writes a batch in the caller's transaction in four statements, whatever its size: its cards locked (by id, so
	 * that two batches never wait on each other in a circle), the review items already reviewed found, then every
	 * card's new memory and every review written; and three more to keep the learners' earliest due times (learning's
	 * {@link ReviewDueTimes}). Reviews of one card in one batch are made one after the other. Each review is scheduled
	 * with its card's desired retention as the settings are now (RetentionSettings): two more statements for each
	 * organisation of the batch.
	 */
	static List<Written> store(Cards cards, Scheduling scheduling, RetentionSettings retention, SkillMastery mastery,
			ReviewDueTimes dueTimes, List<Pending> batch) {
		var locked = cards.lock(batch.stream().map(Pending::cardId).collect(Collectors.toCollection(TreeSet::new)));
		var reviewed = cards.reviewed(batch.stream().map(Pending::reviewItemId).toList());
		var changed = new LinkedHashMap<UUID, Cards.Card>();
		var logged = new ArrayList<Cards.NewReview>();
		var written = new ArrayList<Written>(batch.size());
		var retentions = retention.forBatch();
		for (var review : batch) {
			var card = locked.get(review.cardId());
			if (card == null || !reviewed.add(review.reviewItemId())) {
				written.add(new Written(true, null)); // Reviewed already, in an earlier batch or earlier in this one.
				continue;
			}
			var desiredRetention = retentions.forLesson(card.learner(), card.lessonId());
			var after = scheduling.fsrs(card.learner().organisationId(), desiredRetention)
				.review(card.memory(), review.at(), review.rating());
			var now = new Cards.Card(card.id(), card.learner(), card.lessonId(), card.version(), card.interactionId(),
					after);
			locked.put(card.id(), now);
			changed.put(card.id(), now);
			logged.add(new Cards.NewReview(review.reviewItemId(), now, Cards.Source.REVIEW, review.rating(),
					review.response(), review.credit(), review.correct(), review.timeTaken(), review.at(), after));
			written.add(new Written(false, after));
		}
		if (!changed.isEmpty()) {
			cards.update(List.copyOf(changed.values()));
			// Today reads each learner's earliest due time: kept in this transaction, after the cards' locks.
			dueTimes.cardsRescheduled(changed.values().stream().map(Cards.Card::learner).distinct().toList(),
					cards::earliestDue);
			cards.insert(logged);
			// The skills of the reviewed cards may have been mastered, or lost, by these reviews.
			var latest = logged.stream().map(Cards.NewReview::at).max(Instant::compareTo).orElseThrow();
			mastery.checkCards(changed.keySet(), latest);
		}
		return written;
	}

	@Configuration(proxyBeanMethods = false)
	static class Batching {

		/** The node's review writer: a bean, so it starts and stops with the application. */
		@Bean
		Batcher<Pending, Written> reviewBatcher(Cards cards, Scheduling scheduling, RetentionSettings retention,
				SkillMastery mastery, ReviewDueTimes dueTimes, PlatformTransactionManager transactions,
				MeterRegistry meters) {
			return new Batcher<>("reviews", MOST,
					batch -> store(cards, scheduling, retention, mastery, dueTimes, batch), transactions, meters);
		}
	}
}
