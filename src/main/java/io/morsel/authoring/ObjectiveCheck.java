package io.morsel.authoring;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the linter makes of one objective: whether a learner's result can be observed ({@code measurable}), whether it
 * is one objective ({@code single}), the action verb it starts with and that verb's level on Bloom's taxonomy (for an
 * unmeasurable verb, the level the author most likely meant), and the findings behind these answers.
 */
public record ObjectiveCheck(boolean measurable, boolean single, @Nullable String verb, @Nullable BloomLevel bloomLevel,
		List<ObjectiveFinding> findings) {

	public ObjectiveCheck {
		findings = List.copyOf(findings);
	}

	public boolean has(String code) {
		return findings.stream().anyMatch(f -> f.code().equals(code));
	}
}
