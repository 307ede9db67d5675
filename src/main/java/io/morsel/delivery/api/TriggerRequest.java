package io.morsel.delivery.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A just-in-time trigger from an integration.
 *
 * @param user the learner's email, user id or member id
 * @param at when the event happens, ISO-8601 with an offset; now when left out
 * @param attributes names to strings, numbers or booleans, which rules' conditions compare
 */
record TriggerRequest(@Schema(example = "meeting.scheduled") String type,
		@Schema(example = "learner@acme.test") String user,
		@Schema(example = "2026-05-04T09:30:00+02:00") @Nullable String at,
		@Schema(example = "{\"segment\": \"enterprise\"}") @Nullable Map<String, Object> attributes,
		@Schema(example = "crm-meeting-8812") String idempotencyKey) {
}
