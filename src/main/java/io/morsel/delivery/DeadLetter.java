package io.morsel.delivery;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A message to a channel that was given up on after its retries, until an administrator replays it. */
public record DeadLetter(UUID id, UUID user, UUID sendId, String channel, int attempts, @Nullable String lastError,
		Instant createdAt) {
}
