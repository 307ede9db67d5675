package io.morsel.delivery;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One nudge that went out, as the send log shows it: the one item it brought (a learning.NextUp kind, title and
 * link), its channels, and for the in-app notification whether it was read.
 *
 * @param sentBy the node that sent it
 */
public record SendView(UUID id, UUID user, String kind, String title, String path, int minutes, boolean inApp,
		boolean email, Instant sentAt, String sentBy, @Nullable Instant readAt, @Nullable Instant emailedAt) {
}
