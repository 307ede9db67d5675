package io.morsel.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A trigger received and what it caused.
 *
 * @param status {@code IGNORED} when no rule's conditions matched, {@code SCHEDULED} while a delivery it caused is
 *     planned, {@code DONE} once none is
 */
public record TriggerView(UUID id, String status, String type, UUID user, Instant at, Instant receivedAt,
		List<Delivery> deliveries) {

	public TriggerView {
		deliveries = List.copyOf(deliveries);
	}

	/**
	 * One delivery a trigger caused.
	 *
	 * @param status {@code PLANNED}; {@code SENT}; {@code COMPLETED} (the learner did the lesson before it was sent);
	 *     {@code LATE} (the event had passed when the trigger arrived, and the lesson was to prepare for it)
	 * @param availableAt when the rule makes it available, relative to the event
	 * @param sendAt the first time the learner's cadence allows from then on (it moves if the cadence does)
	 * @param sentAt when it went out, if it did
	 */
	public record Delivery(UUID id, UUID rule, String title, @Nullable UUID lessonId, @Nullable UUID programId,
			Instant availableAt, Instant sendAt, String status, @Nullable Instant sentAt) {
	}
}
