package io.morsel.catalog;

import io.morsel.shared.InvalidValueException;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A short typed answer, right when it matches one of the accepted answers after normalising both: case, accents,
 * surrounding spaces and punctuation, and runs of spaces do not matter ("  Net Promoter score. " matches
 * "net promoter score"). Right or wrong, no partial credit.
 */
public record ShortText(String id, String prompt, List<String> acceptedAnswers, @Nullable String wrongFeedback,
		boolean assessesObjective, @Nullable String explanation) implements Interaction {

	public static final int MAX_ANSWER_LENGTH = 500;

	public ShortText {
		Checks.id(id, "interaction id");
		Checks.text(prompt, "prompt", 1000);
		if (acceptedAnswers == null || acceptedAnswers.isEmpty()
				|| acceptedAnswers.stream().anyMatch(a -> normalise(a).isEmpty())) {
			throw new InvalidValueException("catalog.refused.short-text-needs-least-non-blank", id);
		}
		acceptedAnswers = List.copyOf(acceptedAnswers);
	}

	@Override
	public Score score(Response response) {
		var text = Interaction.expect(response, Response.Text.class, this).text();
		if (text.isBlank() || text.length() > MAX_ANSWER_LENGTH) {
			throw new InvalidResponseException("catalog.refused.short-text-takes-answer-1-characters",
					id, MAX_ANSWER_LENGTH);
		}
		var answer = normalise(text);
		var right = acceptedAnswers.stream().map(ShortText::normalise).anyMatch(answer::equals);
		var feedback = right || wrongFeedback == null || wrongFeedback.isBlank() ? List.<String>of()
				: List.of(wrongFeedback);
		return new Score(right ? 1 : 0, right, feedback, explanation);
	}

	static String normalise(String text) {
		var folded = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
		return folded.toLowerCase(Locale.ROOT)
			.replaceAll("[\\p{Punct}\\s]+", " ")
			.strip();
	}
}
