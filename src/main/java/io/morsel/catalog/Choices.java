package io.morsel.catalog;

import io.morsel.shared.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The rules choice interactions share: options well formed, picks known, the picked options' feedback. */
final class Choices {

	private Choices() {
	}

	static List<Option> options(List<Option> options, String interactionId) {
		if (options == null || options.size() < 2) {
			throw new InvalidValueException("catalog.refused.interaction-needs-least-two-options", interactionId);
		}
		if (options.size() > 12) {
			throw new InvalidValueException("catalog.refused.interaction-has-more-than-12-options", interactionId);
		}
		Checks.distinct(options, Option::id, "Option");
		return List.copyOf(options);
	}

	static long correctCount(List<Option> options) {
		return options.stream().filter(Option::correct).count();
	}

	/** The picked options, in the order they are shown; unknown ids are refused. */
	static List<Option> picked(List<Option> options, Set<String> ids, String interactionId) {
		for (var id : ids) {
			if (options.stream().noneMatch(o -> o.id().equals(id))) {
				throw new InvalidResponseException("catalog.refused.interaction-has-no-option", interactionId, id);
			}
		}
		return options.stream().filter(o -> ids.contains(o.id())).toList();
	}

	static List<String> feedback(List<Option> picked) {
		var feedback = new ArrayList<String>();
		for (var option : picked) {
			if (option.feedback() != null && !option.feedback().isBlank()) {
				feedback.add(option.feedback());
			}
		}
		return feedback;
	}
}
