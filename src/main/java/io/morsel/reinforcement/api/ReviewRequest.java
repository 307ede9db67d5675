package io.morsel.reinforcement.api;

import io.morsel.catalog.Response;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A review answer: the card, the review item it was shown as (GET /api/v1/reinforcement/review; the idempotency key),
 * and exactly one of the answer fields of POST /api/v1/attempts: {@code optionIds}, {@code pairs}, {@code order} or
 * {@code text}.
 */
record ReviewRequest(@NotNull UUID cardId, @NotNull UUID reviewItemId,
		@Nullable @Size(max = 12) List<@Size(max = 40) String> optionIds, @Nullable @Size(max = 10) Map<String, String> pairs,
		@Nullable @Size(max = 10) List<@Size(max = 40) String> order, @Nullable @Size(max = 4000) String text,
		@Nullable @PositiveOrZero Long timeTakenMs) {

	Response response() {
		return Response.fromFields(optionIds, pairs, order, text);
	}

	@Nullable Duration timeTaken() {
		return timeTakenMs == null ? null : Duration.ofMillis(timeTakenMs);
	}
}
