package io.morsel.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A judged answer marked item by item, as the learner sees it after answering: every option, pair or item stays in
 * view with its own verdict and the feedback written for it beside it, and where the learner was wrong the right
 * answer shows. The marks follow the scoring rules (docs/scoring.md): the options picked, the pairs matched, the items
 * out of place. Feedback is the one the author wrote for that option, pair or item, so it always sits beside the
 * verdict it was written for.
 *
 * @param marks one per option (choice types, in the order shown), per left item (matching), per item in the learner's
 * order (ordering), or the learner's text (written answers)
 * @param rightAnswer what was right, where the marks cannot show it in place: the right order of an ordering, an
 * accepted answer of a short text; empty when the learner was right or the marks show it
 */
public record Marking(List<Mark> marks, List<String> rightAnswer) {

	public Marking {
		marks = List.copyOf(marks);
		rightAnswer = List.copyOf(rightAnswer);
	}

	/** How one option, pair or item fared. */
	public enum Verdict {

		/** Chosen, and right. */
		RIGHT,
		/** Chosen, and wrong. */
		WRONG,
		/** Right, and not chosen: revealed. */
		MISSED,
		/** Neither chosen nor right; or an answer with no right one (an exercise). */
		NONE;

		/** The verdict's name in styles and message keys: {@code right}, {@code wrong}, {@code missed}, {@code none}. */
		public String tone() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}
	}

	/**
	 * One option, pair or item.
	 *
	 * @param text the option or item; a matching's left item; the learner's own words
	 * @param chosen whether the learner picked it (choice types); for the other types, always true
	 * @param given what the learner matched it with (matching), or its place in the learner's order (ordering)
	 * @param feedback what the author wrote for this option picked, this pair mismatched, this item out of place
	 * @param right where wrong, the right match (matching) or the item's right place (ordering)
	 */
	public record Mark(String text, boolean chosen, Verdict verdict, @Nullable String given, @Nullable String feedback,
			@Nullable String right) {
	}

	/**
	 * The marks of a response the interaction accepts.
	 * @throws InvalidResponseException when it does not accept it (as {@link Interaction#score} does)
	 */
	public static Marking of(Interaction interaction, Response response) {
		interaction.score(response);
		return switch (interaction) {
			case SingleChoice s -> choices(s.options(), response);
			case MultipleChoice m -> choices(m.options(), response);
			case PickN p -> choices(p.options(), response);
			case Scenario s -> choices(s.options(), response);
			case Matching m -> matching(m, (Response.Matching) response);
			case Ordering o -> ordering(o, (Response.Ordering) response);
			case ShortText t -> shortText(t, (Response.Text) response);
			case ApplicationExercise e -> new Marking(
					List.of(new Mark(((Response.Text) response).text(), true, Verdict.NONE, null, null, null)), List.of());
		};
	}

	private static Marking choices(List<Option> options, Response response) {
		var picked = ((Response.Choice) response).optionIds();
		var marks = new ArrayList<Mark>(options.size());
		for (var option : options) {
			var chosen = picked.contains(option.id());
			Verdict verdict;
			if (chosen) {
				verdict = option.correct() ? Verdict.RIGHT : Verdict.WRONG;
			}
			else {
				verdict = option.correct() ? Verdict.MISSED : Verdict.NONE;
			}
			marks.add(new Mark(option.text(), chosen, verdict, null, chosen ? blankless(option.feedback()) : null,
					null));
		}
		return new Marking(marks, List.of());
	}

	private static Marking matching(Matching matching, Response.Matching response) {
		var rights = new HashMap<String, String>();
		matching.pairs().forEach(pair -> rights.put(pair.rightId(), pair.right()));
		var marks = new ArrayList<Mark>(matching.pairs().size());
		for (var pair : matching.pairs()) {
			var given = response.pairs().get(pair.leftId());
			var right = pair.rightId().equals(given);
			marks.add(new Mark(pair.left(), true, right ? Verdict.RIGHT : Verdict.WRONG, rights.get(given),
					right ? null : blankless(pair.feedback()), right ? null : pair.right()));
		}
		return new Marking(marks, List.of());
	}

	private static Marking ordering(Ordering ordering, Response.Ordering response) {
		var items = ordering.items();
		var marks = new ArrayList<Mark>(items.size());
		var allRight = true;
		var given = response.itemIds();
		for (int place = 0; place < given.size(); place++) {
			var id = given.get(place);
			var rightPlace = 0;
			while (!items.get(rightPlace).id().equals(id)) {
				rightPlace++;
			}
			var item = items.get(rightPlace);
			var right = rightPlace == place;
			allRight &= right;
			marks.add(new Mark(item.text(), true, right ? Verdict.RIGHT : Verdict.WRONG, Integer.toString(place + 1),
					right ? null : blankless(item.feedback()), right ? null : Integer.toString(rightPlace + 1)));
		}
		return new Marking(marks, allRight ? List.of() : items.stream().map(Ordering.Item::text).toList());
	}

	private static Marking shortText(ShortText question, Response.Text response) {
		var score = question.score(response);
		var right = Boolean.TRUE.equals(score.correct());
		var mark = new Mark(response.text(), true, right ? Verdict.RIGHT : Verdict.WRONG, null,
				right ? null : blankless(question.wrongFeedback()), null);
		return new Marking(List.of(mark), right ? List.of() : List.of(question.acceptedAnswers().getFirst()));
	}

	private static @Nullable String blankless(@Nullable String text) {
		return text == null || text.isBlank() ? null : text;
	}
}
