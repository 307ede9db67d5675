package io.morsel.delivery.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A trigger rule: a trigger type, conditions on its attributes, a lesson or a program, and when it is delivered
 * relative to the event: {@code offsetMinutes} after it (negative: before), or on the day {@code dayOffset} days from
 * it at {@code at} (learner's wall clock).
 */
record TriggerRuleRequest(@Schema(example = "meeting.scheduled") String type,
		@Schema(example = "Prepare enterprise meetings") String name, @Nullable Map<String, String> conditions,
		@Nullable UUID lessonId, @Nullable UUID programId, @Nullable Integer offsetMinutes,
		@Schema(example = "-1") @Nullable Integer dayOffset, @Schema(example = "18:00") @Nullable String at) {
}
