package io.morsel.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A short case to read, then one question about it with one right option; scored as a {@link SingleChoice}. */
public record Scenario(String id, String situation, String prompt, List<Option> options, boolean assessesObjective,
		@Nullable String explanation) implements Interaction {

	public Scenario {
		Checks.text(situation, "situation", 3000);
		new SingleChoice(id, prompt, options, assessesObjective, explanation);
		options = List.copyOf(options);
	}

	@Override
	public Score score(Response response) {
		return new SingleChoice(id, prompt, options, assessesObjective, explanation).score(response);
	}
}
