package io.morsel.catalog;

import io.morsel.catalog.PlayableLesson.Choice;
import io.morsel.catalog.PlayableLesson.Question;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * Reads a learner's answer from the plain HTML form of a question ({@code templates/catalog/question.html :: fields}):
 * {@code optionIds} for the choice types, {@code pair.<left id>} for a matching, {@code position.<item id>} for an
 * ordering, {@code text} for written answers. The form works without JavaScript: the ordering's script only fills
 * the same position fields. Any page that shows a question's fields (the lesson player, a review) reads its answer
 * here.
 *
 * <p>What the form cannot have sent is refused before it is scored: a missing answer, an option, item or match the
 * question does not have, a value given twice, more picks than the question takes, a position that is no number.
 */
public final class QuestionForms {

	/** The longest written answer a form takes: an exercise's. */
	static final int MAX_TEXT_LENGTH = ApplicationExercise.MAX_ANSWER_LENGTH;

	private QuestionForms() {
	}

	/**
	 * The response the form says.
	 * @throws InvalidResponseException with a sentence for the learner when the form does not make an answer
	 */
	public static Response read(Question question, MultiValueMap<String, String> form) {
		var type = question.type();
		if (type.choosesOptions()) {
			return choice(question, form);
		}
		return switch (type) {
			case MATCHING -> matching(question, form);
			case ORDERING -> ordering(question, form);
			default -> text(form);
		};
	}

	private static Response choice(Question question, MultiValueMap<String, String> form) {
		var picked = values(form, "optionIds");
		if (picked.isEmpty()) {
			throw new InvalidResponseException("catalog.refused.choose-answer-first");
		}
		var ids = new HashSet<>(picked);
		if (ids.size() != picked.size()) {
			throw new InvalidResponseException("catalog.refused.choose-each-option-once");
		}
		for (var id : ids) {
			known(question.options(), id, "option");
		}
		if (question.type().choosesOne() && ids.size() > 1) {
			throw new InvalidResponseException("catalog.refused.choose-answer");
		}
		var pick = question.pick();
		if (pick != null && ids.size() != pick) {
			throw new InvalidResponseException(pick == 1 ? "catalog.refused.pick-exactly-one-option"
					: "catalog.refused.pick-exactly-options", pick, ids.size());
		}
		return new Response.Choice(ids);
	}

	private static Response matching(Question question, MultiValueMap<String, String> form) {
		var pairs = new HashMap<String, String>();
		for (var left : question.left()) {
			var right = single(form, "pair." + left.id());
			if (right == null || right.isBlank()) {
				throw new InvalidResponseException("catalog.refused.match-every-item-first");
			}
			pairs.put(left.id(), known(question.right(), right.strip(), "match"));
		}
		return new Response.Matching(pairs);
	}

	private static Response ordering(Question question, MultiValueMap<String, String> form) {
		var items = question.options();
		var positions = new ArrayList<Map.Entry<String, Integer>>();
		for (var item : items) {
			var position = position(single(form, "position." + item.id()));
			if (position < 1 || position > items.size()) {
				throw new InvalidResponseException("catalog.refused.give-each-item-position-1", items.size());
			}
			positions.add(Map.entry(item.id(), position));
		}
		if (positions.stream().map(Map.Entry::getValue).distinct().count() != positions.size()) {
			throw new InvalidResponseException("catalog.refused.give-each-item-own-position");
		}
		positions.sort(Comparator.comparing(Map.Entry::getValue));
		return new Response.Ordering(positions.stream().map(Map.Entry::getKey).toList());
	}

	private static Response text(MultiValueMap<String, String> form) {
		var text = single(form, "text");
		if (text == null || text.isBlank()) {
			throw new InvalidResponseException("catalog.refused.write-your-answer-first");
		}
		if (text.length() > MAX_TEXT_LENGTH) {
			throw new InvalidResponseException("catalog.refused.keep-your-answer-characters", MAX_TEXT_LENGTH);
		}
		return new Response.Text(text.strip());
	}

	private static List<String> values(MultiValueMap<String, String> form, String field) {
		var values = form.get(field);
		return values == null ? List.of() : values;
	}

	/** The field's one value; a field sent twice is refused, as no form of ours sends one twice. */
	private static @Nullable String single(MultiValueMap<String, String> form, String field) {
		var values = values(form, field);
		if (values.size() > 1) {
			throw new InvalidResponseException("catalog.refused.give-answer-each-item");
		}
		return values.isEmpty() ? null : values.getFirst();
	}

	private static String known(List<Choice> choices, String id, String what) {
		if (choices.stream().noneMatch(choice -> choice.id().equals(id))) {
			throw new InvalidResponseException("catalog.refused.question-has-no-such", what);
		}
		return id;
	}

	private static int position(@Nullable String value) {
		try {
			return Integer.parseInt(value == null ? "" : value.strip());
		}
		catch (NumberFormatException e) {
			throw new InvalidResponseException("catalog.refused.give-each-item-position");
		}
	}
}
