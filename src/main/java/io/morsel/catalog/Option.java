package io.morsel.catalog;

import org.jspecify.annotations.Nullable;

/**
 * One answer option of a choice interaction, with the feedback a learner sees when they pick it.
 *
 * @param id stable within its interaction, used in responses
 */
public record Option(String id, String text, boolean correct, @Nullable String feedback) {

	public Option {
		Checks.id(id, "option id");
		Checks.text(text, "option text", 500);
	}
}
