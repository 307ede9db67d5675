package io.morsel.reinforcement;

import com.github.benmanes.caffeine.cache.Cache;
import io.morsel.learning.Learner;
import io.morsel.shared.Caches;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Each review card's face (whose it is, which lesson version's question it asks), kept on each node: all that a
 * review answer needs of its card before the review writer locks it, so that answering asks the database nothing
 * before the write (ADR 0053). A face is set when its card is made and never changes, and cards are never deleted, so
 * a kept face is never stale on any node. The card's memory is not kept: the writer reads it under the card's lock.
 */
@Component
class CardFaces {

	private final Cards cards;
	private final Cache<UUID, Cards.Face> kept;

	CardFaces(Cards cards, Caches caches) {
		this.cards = cards;
		this.kept = caches.named("card-faces");
	}

	/** The face of the learner's card; empty when there is no such card, or it is another learner's. */
	Optional<Cards.Face> of(Learner learner, UUID cardId) {
		var face = kept.getIfPresent(cardId);
		if (face == null) {
			// Read outside the cache's computation, so that other requests never wait on its hash bin for a query.
			var read = cards.face(cardId);
			if (read.isEmpty()) {
				return Optional.empty(); // Not kept: the card may yet be made.
			}
			face = read.get();
			kept.put(cardId, face);
		}
		return face.learner().equals(learner) ? Optional.of(face) : Optional.empty();
	}
}
