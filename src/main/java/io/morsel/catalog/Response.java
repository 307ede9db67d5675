package io.morsel.catalog;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a learner answered to one interaction; each interaction type accepts one kind. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({ @JsonSubTypes.Type(value = Response.Choice.class, name = "choice"),
		@JsonSubTypes.Type(value = Response.Matching.class, name = "matching"),
		@JsonSubTypes.Type(value = Response.Ordering.class, name = "ordering"),
		@JsonSubTypes.Type(value = Response.Text.class, name = "text") })
public sealed interface Response {

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
