package io.morsel.catalog;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Something the learner answers inside a lesson. Each type scores a response of its own kind and says why the right
 * answer is right; docs/scoring.md states the rules. Only interactions that {@link #assessesObjective() assess the
 * lesson's objective} count towards mastery; the others are practice.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = SingleChoice.class, name = "single-choice"),
		@JsonSubTypes.Type(value = MultipleChoice.class, name = "multiple-choice"),
		@JsonSubTypes.Type(value = PickN.class, name = "pick-n"),
		@JsonSubTypes.Type(value = Matching.class, name = "matching"),
		@JsonSubTypes.Type(value = Ordering.class, name = "ordering"),
		@JsonSubTypes.Type(value = ShortText.class, name = "short-text"),
		@JsonSubTypes.Type(value = Scenario.class, name = "scenario"),
		@JsonSubTypes.Type(value = ApplicationExercise.class, name = "exercise") })
public sealed interface Interaction permits SingleChoice, MultipleChoice, PickN, Matching, Ordering, ShortText,
		Scenario, ApplicationExercise {

	/** Stable within its lesson; responses and attempts refer to it. */
	String id();

	String prompt();

	boolean assessesObjective();

	@Nullable String explanation();

	/**
	 * Judges a response.
	 * @throws InvalidResponseException when the response is of another kind or names what this interaction lacks
	 */
	Score score(Response response);

	/**
	 * A response that scores full marks, as a learner who knows the answer gives it (the demo's seeded attempts); for
	 * an application exercise, which has no right answer, these own words.
	 */
	default Response fullMarks(String ownWords) {
		return switch (this) {
			case SingleChoice s -> correctOptions(s.options());
			case MultipleChoice m -> correctOptions(m.options());
			case PickN p -> correctOptions(p.options());
			case Scenario s -> correctOptions(s.options());
			case Matching m -> new Response.Matching(
					m.pairs().stream().collect(Collectors.toMap(Matching.Pair::leftId, Matching.Pair::rightId)));
			case Ordering o -> new Response.Ordering(o.items().stream().map(Ordering.Item::id).toList());
			case ShortText t -> new Response.Text(t.acceptedAnswers().getFirst());
			case ApplicationExercise e -> new Response.Text(ownWords);
		};
	}

	private static Response correctOptions(List<Option> options) {
		return new Response.Choice(
				options.stream().filter(Option::correct).map(Option::id).collect(Collectors.toSet()));
	}

	/** The response as the kind this interaction takes, or the reason it is not. */
	static <R extends Response> R expect(Response response, Class<R> kind, Interaction interaction) {
		if (!kind.isInstance(response)) {
			throw new InvalidResponseException("catalog.refused.interaction-takes-response",
					interaction.id(), kind.getSimpleName().toLowerCase(java.util.Locale.ROOT));
		}
		return kind.cast(response);
	}
}
