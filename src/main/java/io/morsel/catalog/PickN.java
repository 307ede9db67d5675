package io.morsel.catalog;

import io.morsel.shared.InvalidValueException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * "Pick the top N": exactly {@code n} options are correct and the learner picks exactly {@code n}. Credit is the
 * share of picks that are correct, so picking 2 of the top 3 earns 2/3.
 */
public record PickN(String id, String prompt, List<Option> options, int n, boolean assessesObjective,
		@Nullable String explanation) implements Interaction {

	public PickN {
		Checks.id(id, "interaction id");
		Checks.text(prompt, "prompt", 1000);
		options = Choices.options(options, id);
		if (n < 1 || n >= options.size()) {
			throw new InvalidValueException("catalog.refused.pick-n-must-pick-least-fewer", id);
		}
		if (Choices.correctCount(options) != n) {
			throw new InvalidValueException("catalog.refused.pick-n-needs-exactly-correct-options", id, n);
		}
	}

	@Override
	public Score score(Response response) {
		var choice = Interaction.expect(response, Response.Choice.class, this);
		if (choice.optionIds().size() != n) {
			throw new InvalidResponseException("catalog.refused.pick-n-takes-exactly-options", id, n);
		}
		var picked = Choices.picked(options, choice.optionIds(), id);
		var hits = picked.stream().filter(Option::correct).count();
		return new Score((double) hits / n, hits == n, Choices.feedback(picked), explanation);
	}
}
