package io.morsel.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A prompt to apply the lesson to the learner's own work ("Rewrite one objective of your next course"). There is no
 * right answer: any answer completes it, the learner keeps what they wrote, and it never assesses the objective.
 */
public record ApplicationExercise(String id, String prompt, @Nullable String explanation) implements Interaction {

	public static final int MAX_ANSWER_LENGTH = 4000;

	public ApplicationExercise {
		Checks.id(id, "interaction id");
		Checks.text(prompt, "prompt", 1000);
	}

	@Override
	@JsonIgnore
	public boolean assessesObjective() {
		return false;
	}

	@Override
	public Score score(Response response) {
		var text = Interaction.expect(response, Response.Text.class, this).text();
		if (text.isBlank() || text.length() > MAX_ANSWER_LENGTH) {
			throw new InvalidResponseException("catalog.refused.exercise-takes-answer-1-characters",
					id, MAX_ANSWER_LENGTH);
		}
		return new Score(1, null, List.of(), explanation);
	}
}
