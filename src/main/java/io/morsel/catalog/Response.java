package io.morsel.catalog;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.morsel.shared.InvalidRequestException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** What a learner answered to one interaction; each interaction type accepts one kind. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({ @JsonSubTypes.Type(value = Response.Choice.class, name = "choice"),
		@JsonSubTypes.Type(value = Response.Matching.class, name = "matching"),
		@JsonSubTypes.Type(value = Response.Ordering.class, name = "ordering"),
		@JsonSubTypes.Type(value = Response.Text.class, name = "text") })
public sealed interface Response {

	/**
	 * The response an API body gives in its answer fields, of which it sends exactly one: {@code optionIds} (choice
	 * types), {@code pairs} (matching: left id to right id), {@code order} (ordering: item ids) or {@code text}.
	 * @throws InvalidRequestException when none or several are sent, or an option is picked twice
	 */
	static Response fromFields(@Nullable List<String> optionIds, @Nullable Map<String, String> pairs,
			@Nullable List<String> order, @Nullable String text) {
		var given = Stream.of(optionIds, pairs, order, text).filter(Objects::nonNull).count();
		if (given != 1) {
			throw new InvalidRequestException("catalog.refused.send-exactly-optionids-pairs-order-text");
		}
		if (optionIds != null) {
			if (new HashSet<>(optionIds).size() != optionIds.size()) {
				throw new InvalidRequestException("catalog.refused.option-picked-once");
			}
			return new Choice(new HashSet<>(optionIds));
		}
		if (pairs != null) {
			return new Matching(pairs);
		}
		if (order != null) {
			return new Ordering(order);
		}
		return new Text(text);
	}

	/** The options picked: single choice, multiple choice, pick N, scenario. */
	record Choice(Set<String> optionIds) implements Response {

		public Choice {
			optionIds = Set.copyOf(optionIds);
		}
	}

	/** Each left item's chosen right item, by id. */
	record Matching(Map<String, String> pairs) implements Response {

		public Matching {
			pairs = Map.copyOf(pairs);
		}
	}

	/** The items' ids in the order the learner put them. */
	record Ordering(List<String> itemIds) implements Response {

		public Ordering {
			itemIds = List.copyOf(itemIds);
		}
	}

	/** Free text: a short answer, or the learner's own application of the lesson. */
	record Text(String text) implements Response {
	}
}
