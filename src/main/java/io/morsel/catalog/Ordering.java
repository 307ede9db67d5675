package io.morsel.catalog;

import io.morsel.shared.InvalidValueException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Items to put in order, given here in the right order. Credit rewards the longest run of items the learner kept in
 * the right relative order: {@code (L - 1) / (n - 1)}, where {@code L} is the length of the longest increasing
 * subsequence of the learner's order. One item moved to the wrong end loses one step, not every position after it;
 * a fully reversed order earns nothing.
 */
public record Ordering(String id, String prompt, List<Item> items, boolean assessesObjective,
		@Nullable String explanation) implements Interaction {

	/** One item; {@code feedback} is shown when the learner puts it out of order. */
	public record Item(String id, String text, @Nullable String feedback) {

		public Item {
			Checks.id(id, "item id");
			Checks.text(text, "item text", 300);
		}
	}

	public Ordering {
		Checks.id(id, "interaction id");
		Checks.text(prompt, "prompt", 1000);
		if (items == null || items.size() < 2 || items.size() > 10) {
			throw new InvalidValueException("catalog.refused.ordering-needs-2-10-items", id);
		}
		Checks.distinct(items, Item::id, "Item");
		items = List.copyOf(items);
	}

	@Override
	public Score score(Response response) {
		var ordering = Interaction.expect(response, Response.Ordering.class, this);
		var position = new HashMap<String, Integer>();
		for (int i = 0; i < items.size(); i++) {
			position.put(items.get(i).id(), i);
		}
		var given = ordering.itemIds();
		if (given.size() != items.size() || !new HashSet<>(given).equals(position.keySet())) {
			throw new InvalidResponseException("catalog.refused.ordering-takes-every-item-exactly-once", id);
		}
		var positions = given.stream().mapToInt(position::get).toArray();
		var kept = longestIncreasing(positions);
		var feedback = new ArrayList<String>();
		for (int i = 0; i < given.size(); i++) {
			var item = items.get(positions[i]);
			if (positions[i] != i && item.feedback() != null && !item.feedback().isBlank()) {
				feedback.add(item.feedback());
			}
		}
		var right = kept == items.size();
		return new Score((double) (kept - 1) / (items.size() - 1), right, feedback, explanation);
	}

	/** Patience sorting: the length of the longest strictly increasing subsequence. */
	static int longestIncreasing(int[] values) {
		var tails = new int[values.length];
		var length = 0;
		for (var value : values) {
			int low = 0;
			int high = length;
			while (low < high) {
				var mid = (low + high) >>> 1;
				if (tails[mid] < value) {
					low = mid + 1;
				}
				else {
					high = mid;
				}
			}
			tails[low] = value;
			if (low == length) {
				length++;
			}
		}
		return length;
	}
}
