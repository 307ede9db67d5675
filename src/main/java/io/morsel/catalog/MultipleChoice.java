package io.morsel.catalog;

import io.morsel.shared.InvalidValueException;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * "Select all that apply": right only when exactly the correct options are picked. No partial credit: a learner who
 * ticks every box would otherwise score without knowing anything (use {@link PickN} for partial credit).
 */
public record MultipleChoice(String id, String prompt, List<Option> options, boolean assessesObjective,
		@Nullable String explanation) implements Interaction {

	public MultipleChoice {
		Checks.id(id, "interaction id");
		Checks.text(prompt, "prompt", 1000);
		options = Choices.options(options, id);
		if (Choices.correctCount(options) < 1) {
			throw new InvalidValueException("catalog.refused.multiple-choice-needs-least-correct-option", id);
		}
	}

	@Override
	public Score score(Response response) {
		var choice = Interaction.expect(response, Response.Choice.class, this);
		if (choice.optionIds().isEmpty()) {
			throw new InvalidResponseException("catalog.refused.multiple-choice-takes-least-option", id);
		}
		var picked = Choices.picked(options, choice.optionIds(), id);
		var correctIds = options.stream().filter(Option::correct).map(Option::id).collect(Collectors.toSet());
		var right = correctIds.equals(choice.optionIds());
		return new Score(right ? 1 : 0, right, Choices.feedback(picked), explanation);
	}
}
