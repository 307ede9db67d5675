package io.morsel.reinforcement.api;

import io.morsel.catalog.Response;
import io.morsel.shared.InvalidRequestException;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
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
		var given = Stream.of(optionIds, pairs, order, text).filter(v -> v != null).count();
		if (given != 1) {
			throw new InvalidRequestException(
					"Send exactly one of optionIds, pairs, order or text, as the question's type requires");
		}
		if (optionIds != null) {
			if (new HashSet<>(optionIds).size() != optionIds.size()) {
				throw new InvalidRequestException("An option is picked once");
			}
			return new Response.Choice(new HashSet<>(optionIds));
		}
		if (pairs != null) {
			return new Response.Matching(pairs);
		}
		if (order != null) {
			return new Response.Ordering(order);
		}
		return new Response.Text(text);
	}

	@Nullable Duration timeTaken() {
		return timeTakenMs == null ? null : Duration.ofMillis(timeTakenMs);
	}
}
