package io.morsel.delivery;

import io.morsel.catalog.LessonId;
import io.morsel.catalog.ProgramId;
import io.morsel.shared.InvalidValueException;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A manager's rule: a trigger of {@code type} whose attributes meet every condition brings a lesson or a program to
 * its learner, at {@code timing} relative to the event.
 *
 * @param conditions attribute name → the exact text it must have
 */
public record TriggerRule(UUID id, TriggerType type, String name, Map<String, String> conditions,
		@Nullable LessonId lesson, @Nullable ProgramId program, RuleTiming timing) {

	public TriggerRule {
		if (name == null || name.isBlank() || name.length() > 120) {
			throw new InvalidValueException("delivery.refused.rule-needs-name-most-120-characters");
		}
		if ((lesson == null) == (program == null)) {
			throw new InvalidValueException("delivery.refused.rule-brings-either-lesson-program");
		}
		if (conditions.size() > 20) {
			throw new InvalidValueException("delivery.refused.rule-has-most-20-conditions");
		}
		conditions.forEach((attribute, expected) -> {
			Attributes.checkName(attribute);
			if (expected == null || expected.length() > 500) {
				throw new InvalidValueException("delivery.refused.condition-needs-value-most-500-characters",
						attribute);
			}
		});
		conditions = Map.copyOf(conditions);
	}
}
