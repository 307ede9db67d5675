package io.morsel.learning.api;

import io.morsel.catalog.Response;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
		return Response.fromFields(optionIds, pairs, order, text);
	}

	public @Nullable Duration timeTaken() {
		return timeTakenMs == null ? null : Duration.ofMillis(timeTakenMs);
	}
}
