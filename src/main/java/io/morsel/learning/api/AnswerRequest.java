package io.morsel.learning.api;

import io.morsel.catalog.Response;
import io.morsel.shared.InvalidRequestException;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * An answer as the API and the lesson page send it: exactly one of {@code optionIds} (choice types), {@code pairs}
 * (matching: left id to right id), {@code order} (ordering: item ids) or {@code text} (short text, exercise).
 */
@Schema(extensions = @Extension(name = "x-exactly-one-of",
		properties = @ExtensionProperty(name = "fields", value = "optionIds,pairs,order,text")))
public record AnswerRequest(@NotNull UUID lessonId, @NotBlank @Size(max = 40) String interactionId,
		@Nullable @Size(max = 12) List<@Size(max = 40) String> optionIds, @Nullable @Size(max = 10) Map<String, String> pairs,
		@Nullable @Size(max = 10) List<@Size(max = 40) String> order, @Nullable @Size(max = 4000) String text,
		@Nullable Long timeTakenMs) {

	public Response response() {
		var given = Stream.of(optionIds, pairs, order, text).filter(v -> v != null).count();
		if (given != 1) {
			throw new InvalidRequestException(
					"Send exactly one of optionIds, pairs, order or text, as the interaction's type requires");
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

	public @Nullable Duration timeTaken() {
		return timeTakenMs == null ? null : Duration.ofMillis(timeTakenMs);
	}
}
