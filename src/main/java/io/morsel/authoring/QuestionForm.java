package io.morsel.authoring;

import static io.morsel.catalog.InteractionType.EXERCISE;
import static io.morsel.catalog.InteractionType.MATCHING;
import static io.morsel.catalog.InteractionType.MULTIPLE_CHOICE;
import static io.morsel.catalog.InteractionType.ORDERING;
import static io.morsel.catalog.InteractionType.PICK_N;
import static io.morsel.catalog.InteractionType.SCENARIO;
import static io.morsel.catalog.InteractionType.SHORT_TEXT;
import static io.morsel.catalog.InteractionType.SINGLE_CHOICE;

import io.morsel.catalog.ApplicationExercise;
import io.morsel.catalog.Interaction;
import io.morsel.catalog.InteractionType;
import io.morsel.catalog.Matching;
import io.morsel.catalog.MultipleChoice;
import io.morsel.catalog.Option;
import io.morsel.catalog.Ordering;
import io.morsel.catalog.PickN;
import io.morsel.catalog.Scenario;
import io.morsel.catalog.ShortText;
import io.morsel.catalog.SingleChoice;
import io.morsel.shared.InvalidValueException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A question as its form sends it, so that authors never write the lesson format by hand. {@code type} is the
 * interaction type of the lesson format; {@code rows} are the options of the choice types, the pairs of a matching
 * ({@code id}, {@code text} on the left, {@code rightId}, {@code right}) or the items of an ordering, in order.
 *
 * <p>Rows whose text fields are all blank are left out, so a form may carry spare ones. Rows added by the author
 * have no id until the question is saved; then each gets a new random one, and keeps it in a hidden field from then
 * on: learners' answers name options by id, so an option edited in place must still be the same option. The rules a
 * question must follow are the catalog's, checked when the interaction is built.
 */
public record QuestionForm(@Nullable String type, @Nullable String id, @Nullable String prompt, @Nullable Boolean assesses,
		@Nullable String explanation, @Nullable String situation, @Nullable String n, @Nullable String answers,
		@Nullable String wrongFeedback, @Nullable List<Row> rows) {

	/** The types in the order the editor offers them. */
	static final List<InteractionType> TYPES = List.of(InteractionType.values());

	/** The most rows a form grows to: the most options a choice interaction takes. */
	static final int MAX_ROWS = 12;

	private static final SecureRandom RANDOM = new SecureRandom();

	/** One option, pair or item; {@code correct} only counts for options, {@code rightId} and {@code right} for pairs. */
	public record Row(@Nullable String id, @Nullable String text, @Nullable Boolean correct, @Nullable String feedback,
			@Nullable String rightId, @Nullable String right) {

		static Row empty() {
			return new Row(null, null, false, null, null, null);
		}

		boolean blank() {
			return isBlank(text) && isBlank(right) && isBlank(feedback);
		}

		public boolean isCorrect() {
			return Boolean.TRUE.equals(correct);
		}
	}

	public QuestionForm {
		rows = rows == null ? List.of() : rows.stream().map(row -> row == null ? Row.empty() : row).toList();
	}

	/** A new question of a type: its rows empty, assessing the objective (an author unticks practice questions). */
	static QuestionForm blank(InteractionType type) {
		var rows = switch (type) {
			case PICK_N -> 4;
			case SINGLE_CHOICE, MULTIPLE_CHOICE, SCENARIO, MATCHING, ORDERING -> 3;
			case SHORT_TEXT, EXERCISE -> 0;
		};
		return new QuestionForm(type.formatName(), null, null, true, null, null, type == PICK_N ? "2" : null, null,
				null, java.util.Collections.nCopies(rows, Row.empty()));
	}

	/** The form of an existing question, ids kept. */
	static QuestionForm of(Interaction interaction) {
		return switch (interaction) {
			case SingleChoice s -> choices(SINGLE_CHOICE, s, null, null, s.options());
			case MultipleChoice m -> choices(MULTIPLE_CHOICE, m, null, null, m.options());
			case PickN p -> choices(PICK_N, p, null, String.valueOf(p.n()), p.options());
			case Scenario s -> choices(SCENARIO, s, s.situation(), null, s.options());
			case Matching m -> new QuestionForm(MATCHING.formatName(), m.id(), m.prompt(), m.assessesObjective(), m.explanation(),
					null, null, null, null, m.pairs().stream()
						.map(p -> new Row(p.leftId(), p.left(), false, p.feedback(), p.rightId(), p.right()))
						.toList());
			case Ordering o -> new QuestionForm(ORDERING.formatName(), o.id(), o.prompt(), o.assessesObjective(), o.explanation(),
					null, null, null, null,
					o.items().stream().map(i -> new Row(i.id(), i.text(), false, i.feedback(), null, null)).toList());
			case ShortText t -> new QuestionForm(SHORT_TEXT.formatName(), t.id(), t.prompt(), t.assessesObjective(), t.explanation(),
					null, null, String.join("\n", t.acceptedAnswers()), t.wrongFeedback(), List.of());
			case ApplicationExercise e -> new QuestionForm(EXERCISE.formatName(), e.id(), e.prompt(), false, e.explanation(), null,
					null, null, null, List.of());
		};
	}

	/**
	 * The interaction, built by the catalog's own records: a question that breaks a rule is refused with the rule's
	 * message. A new question and its new rows get their ids here.
	 */
	Interaction toInteraction() {
		var type = interactionType();
		if (type == null) {
			throw new InvalidValueException("authoring.refused.unknown-type-question", this.type);
		}
		var id = isBlank(this.id) ? newId("q") : this.id.strip();
		var prompt = stripped(this.prompt);
		var assesses = Boolean.TRUE.equals(this.assesses);
		var explanation = stripped(this.explanation);
		return switch (type) {
			case SINGLE_CHOICE -> new SingleChoice(id, prompt, options(), assesses, explanation);
			case MULTIPLE_CHOICE -> new MultipleChoice(id, prompt, options(), assesses, explanation);
			case PICK_N -> new PickN(id, prompt, options(), count(), assesses, explanation);
			case SCENARIO -> new Scenario(id, stripped(situation), prompt, options(), assesses, explanation);
			case MATCHING -> new Matching(id, prompt, pairs(), assesses, explanation);
			case ORDERING -> new Ordering(id, prompt, items(), assesses, explanation);
			case SHORT_TEXT -> new ShortText(id, prompt, acceptedAnswers(), stripped(wrongFeedback), assesses,
					explanation);
			case EXERCISE -> new ApplicationExercise(id, prompt, explanation);
		};
	}

	/** What its rows are called: {@code option}, {@code pair} or {@code item}; {@code null} for a question without. */
	public @Nullable String rowKind() {
		var type = interactionType();
		if (type == null) {
			return null;
		}
		return switch (type) {
			case SINGLE_CHOICE, MULTIPLE_CHOICE, PICK_N, SCENARIO -> "option";
			case MATCHING -> "pair";
			case ORDERING -> "item";
			case SHORT_TEXT, EXERCISE -> null;
		};
	}

	/** The type the form names, or {@code null} for a name that is none. */
	public @Nullable InteractionType interactionType() {
		try {
			return type == null ? null : InteractionType.named(type);
		}
		catch (InvalidValueException unknown) {
			return null;
		}
	}

	/** Whether the form may grow by one more row. */
	public boolean canAddRow() {
		return rowKind() != null && rows.size() < MAX_ROWS;
	}

	/**
	 * The form after one of its row buttons, unsaved: {@code add}, or {@code remove-<i>}, {@code up-<i>},
	 * {@code down-<i>} for the row at index {@code i}. Anything else changes nothing.
	 */
	QuestionForm change(String change) {
		var changed = new ArrayList<>(rows);
		var index = index(change);
		if (change.equals("add") && canAddRow()) {
			changed.add(Row.empty());
		}
		else if (index >= 0 && index < changed.size()) {
			var target = change.startsWith("up-") ? index - 1 : change.startsWith("down-") ? index + 1 : -1;
			if (change.startsWith("remove-")) {
				changed.remove(index);
			}
			else if (target >= 0 && target < changed.size()) {
				changed.add(target, changed.remove(index));
			}
		}
		return new QuestionForm(type, id, prompt, assesses, explanation, situation, n, answers, wrongFeedback, changed);
	}

	/**
	 * Which control of the changed form gets the focus, as the end of its element id: the new row's text after
	 * {@code add}, the moved row's same button after {@code up} or {@code down} (its other one at either end), the
	 * add button after {@code remove}.
	 */
	String focusAfter(String change) {
		var index = index(change);
		if (change.equals("add")) {
			return "row" + (rows.size() - 1) + "-text";
		}
		if (change.startsWith("up-") && index > 0) {
			return "row" + (index - 1) + (index - 1 == 0 ? "-down" : "-up");
		}
		if (change.startsWith("down-") && index >= 0 && index + 1 < rows.size()) {
			return "row" + (index + 1) + (index + 1 == rows.size() - 1 ? "-up" : "-down");
		}
		return "add-row";
	}

	private static int index(String change) {
		var dash = change.lastIndexOf('-');
		try {
			return dash < 0 ? -1 : Integer.parseInt(change.substring(dash + 1));
		}
		catch (NumberFormatException e) {
			return -1;
		}
	}

	private static QuestionForm choices(InteractionType type, Interaction interaction, @Nullable String situation,
			@Nullable String n, List<Option> options) {
		return new QuestionForm(type.formatName(), interaction.id(), interaction.prompt(), interaction.assessesObjective(),
				interaction.explanation(), situation, n, null, null,
				options.stream().map(o -> new Row(o.id(), o.text(), o.correct(), o.feedback(), null, null)).toList());
	}

	private List<Option> options() {
		var ids = new Ids(filled(), Row::id);
		return filled().stream()
			.map(row -> new Option(ids.of(row.id(), "o"), stripped(row.text()), row.isCorrect(), stripped(row.feedback())))
			.toList();
	}

	private List<Matching.Pair> pairs() {
		var lefts = new Ids(filled(), Row::id);
		var rights = new Ids(filled(), Row::rightId);
		return filled().stream()
			.map(row -> new Matching.Pair(lefts.of(row.id(), "l"), stripped(row.text()), rights.of(row.rightId(), "r"),
					stripped(row.right()), stripped(row.feedback())))
			.toList();
	}

	private List<Ordering.Item> items() {
		var ids = new Ids(filled(), Row::id);
		return filled().stream()
			.map(row -> new Ordering.Item(ids.of(row.id(), "i"), stripped(row.text()), stripped(row.feedback())))
			.toList();
	}

	private List<String> acceptedAnswers() {
		return Arrays.stream((answers == null ? "" : answers).split("\n")).filter(a -> !a.isBlank()).map(String::strip)
			.toList();
	}

	/** N as a number; anything else is 0, which the catalog refuses with its rule. */
	private int count() {
		try {
			return n == null ? 0 : Integer.parseInt(n.strip());
		}
		catch (NumberFormatException e) {
			return 0;
		}
	}

	private List<Row> filled() {
		return rows.stream().filter(row -> !row.blank()).toList();
	}

	/** The ids rows keep, and new ones for rows without that none of the others has. */
	private static final class Ids {

		private final Set<String> taken = new HashSet<>();

		Ids(List<Row> rows, java.util.function.Function<Row, @Nullable String> id) {
			rows.stream().map(id).filter(Objects::nonNull).forEach(taken::add);
		}

		String of(@Nullable String kept, String prefix) {
			if (!isBlank(kept)) {
				return kept.strip();
			}
			String fresh;
			do {
				fresh = newId(prefix);
			}
			while (!taken.add(fresh));
			return fresh;
		}
	}

	private static String newId(String prefix) {
		var id = new StringBuilder(prefix).append('-');
		for (int i = 0; i < 6; i++) {
			id.append(Character.forDigit(RANDOM.nextInt(36), 36));
		}
		return id.toString();
	}

	private static @Nullable String stripped(@Nullable String value) {
		return isBlank(value) ? null : value.strip();
	}

	private static boolean isBlank(@Nullable String value) {
		return value == null || value.isBlank();
	}
}
