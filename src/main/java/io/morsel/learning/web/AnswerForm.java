package io.morsel.learning.web;

import io.morsel.catalog.PlayableLesson.Question;
import io.morsel.catalog.Response;
import io.morsel.shared.InvalidRequestException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import org.springframework.util.MultiValueMap;

/**
 * Reads an answer from the lesson page's plain HTML form: {@code optionIds} for choices, {@code pair.<left id>} for
 * matching, {@code position.<item id>} for ordering, {@code text} for typed answers. Works without JavaScript: the
 * ordering's script only fills the same position fields.
 */
final class AnswerForm {

	private AnswerForm() {
	}

	static Response read(Question question, MultiValueMap<String, String> form) {
		return switch (question.type()) {
			case "single-choice", "multiple-choice", "pick-n", "scenario" -> {
				var picked = Optional.ofNullable(form.get("optionIds")).orElse(java.util.List.of());
				if (picked.isEmpty()) {
					throw new InvalidRequestException("Choose an answer first.");
				}
				yield new Response.Choice(new HashSet<>(picked));
			}
			case "matching" -> {
				var pairs = new HashMap<String, String>();
				for (var left : question.left()) {
					var right = form.getFirst("pair." + left.id());
					if (right == null || right.isBlank()) {
						throw new InvalidRequestException("Match every item first.");
					}
					pairs.put(left.id(), right);
				}
				yield new Response.Matching(pairs);
			}
			case "ordering" -> {
				var positions = new ArrayList<Map.Entry<String, Integer>>();
				for (var item : question.options()) {
					positions.add(Map.entry(item.id(), position(form.getFirst("position." + item.id()))));
				}
				if (positions.stream().map(Map.Entry::getValue).distinct().count() != positions.size()) {
					throw new InvalidRequestException("Give each item its own position.");
				}
				positions.sort(Comparator.comparing(Map.Entry::getValue));
				yield new Response.Ordering(positions.stream().map(Map.Entry::getKey).toList());
			}
			default -> {
				var text = form.getFirst("text");
				if (text == null || text.isBlank()) {
					throw new InvalidRequestException("Write your answer first.");
				}
				yield new Response.Text(text.strip());
			}
		};
	}

	private static int position(String value) {
		try {
			return Integer.parseInt(value == null ? "" : value.strip());
		}
		catch (NumberFormatException e) {
			throw new InvalidRequestException("Give each item a position.");
		}
	}
}
