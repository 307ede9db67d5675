package io.morsel.catalog;

import io.morsel.shared.InvalidValueException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One right option among several. Right or wrong, no partial credit. */
public record SingleChoice(String id, String prompt, List<Option> options, boolean assessesObjective,
		@Nullable String explanation) implements Interaction {

	public SingleChoice {
		Checks.id(id, "interaction id");
		Checks.text(prompt, "prompt", 1000);
		options = Choices.options(options, id);
		if (Choices.correctCount(options) != 1) {
			throw new InvalidValueException("catalog.refused.single-choice-needs-exactly-correct-option", id);
		}
	}

	@Override
	public Score score(Response response) {
		var choice = Interaction.expect(response, Response.Choice.class, this);
		if (choice.optionIds().size() != 1) {
			throw new InvalidResponseException("catalog.refused.single-choice-takes-exactly-option", id);
		}
		var picked = Choices.picked(options, choice.optionIds(), id);
		var right = picked.getFirst().correct();
		return new Score(right ? 1 : 0, right, Choices.feedback(picked), explanation);
	}
}
