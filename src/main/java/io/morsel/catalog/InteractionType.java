package io.morsel.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.morsel.shared.InvalidValueException;
import java.util.Arrays;

/**
 * The kinds of {@link Interaction}, each with its name in the lesson format ({@code "pick-n"}), which is also how
 * JSON and forms name it. The form a learner answers in follows from the type: options to choose (one or several),
 * pairs to match, items to order, or text to write.
 */
public enum InteractionType {

	SINGLE_CHOICE("single-choice"), MULTIPLE_CHOICE("multiple-choice"), PICK_N("pick-n"), MATCHING("matching"),
	ORDERING("ordering"), SHORT_TEXT("short-text"), SCENARIO("scenario"), EXERCISE("exercise");

	private final String formatName;

	InteractionType(String formatName) {
		this.formatName = formatName;
	}

	/** The type of this interaction. */
	public static InteractionType of(Interaction interaction) {
		return switch (interaction) {
			case SingleChoice s -> SINGLE_CHOICE;
			case MultipleChoice m -> MULTIPLE_CHOICE;
			case PickN p -> PICK_N;
			case Matching m -> MATCHING;
			case Ordering o -> ORDERING;
			case ShortText t -> SHORT_TEXT;
			case Scenario s -> SCENARIO;
			case ApplicationExercise e -> EXERCISE;
		};
	}

	/** The type the lesson format calls {@code name}, such as {@code "pick-n"}. */
	@JsonCreator
	public static InteractionType named(String name) {
		return Arrays.stream(values())
			.filter(type -> type.formatName.equals(name))
			.findFirst()
			.orElseThrow(() -> new InvalidValueException("catalog.refused.unknown-type-question", name));
	}

	/** The name in the lesson format: {@code "single-choice"}, {@code "pick-n"}, … */
	@JsonValue
	public String formatName() {
		return formatName;
	}

	/** Answered by picking options (radio buttons or checkboxes): the choice types and the scenario. */
	public boolean choosesOptions() {
		return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE || this == PICK_N || this == SCENARIO;
	}

	/** Answered by picking exactly one option. */
	public boolean choosesOne() {
		return this == SINGLE_CHOICE || this == SCENARIO;
	}

	/** Answered in the learner's own words. */
	public boolean writes() {
		return this == SHORT_TEXT || this == EXERCISE;
	}

	/** Whether an answer is judged right or wrong; an exercise's answer is only kept. */
	public boolean judged() {
		return this != EXERCISE;
	}
}
