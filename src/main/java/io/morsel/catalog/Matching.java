package io.morsel.catalog;

import io.morsel.shared.InvalidValueException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Pairs to match, such as features to benefits. The learner assigns a right-hand item to every left-hand item;
 * credit is the share of pairs matched correctly.
 */
public record Matching(String id, String prompt, List<Pair> pairs, boolean assessesObjective,
		@Nullable String explanation) implements Interaction {

	/** A left item and the right item that belongs to it; {@code feedback} is shown when the learner mismatches it. */
	public record Pair(String leftId, String left, String rightId, String right, @Nullable String feedback) {

		public Pair {
			Checks.id(leftId, "left id");
			Checks.id(rightId, "right id");
			Checks.text(left, "left item", 300);
			Checks.text(right, "right item", 300);
		}
	}

	public Matching {
		Checks.id(id, "interaction id");
		Checks.text(prompt, "prompt", 1000);
		if (pairs == null || pairs.size() < 2 || pairs.size() > 10) {
			throw new InvalidValueException("catalog.refused.matching-needs-2-10-pairs", id);
		}
		Checks.distinct(pairs, Pair::leftId, "Left id");
		Checks.distinct(pairs, Pair::rightId, "Right id");
		pairs = List.copyOf(pairs);
	}

	@Override
	public Score score(Response response) {
		var matching = Interaction.expect(response, Response.Matching.class, this);
		var lefts = new HashSet<String>();
		var rights = new HashSet<String>();
		pairs.forEach(p -> {
			lefts.add(p.leftId());
			rights.add(p.rightId());
		});
		if (!matching.pairs().keySet().equals(lefts)) {
			throw new InvalidResponseException("catalog.refused.matching-takes-answer-each", id, lefts);
		}
		if (!rights.containsAll(matching.pairs().values())) {
			throw new InvalidResponseException("catalog.refused.matching-has-no-such-right-hand", id);
		}
		var hits = 0;
		var feedback = new ArrayList<String>();
		for (var pair : pairs) {
			if (pair.rightId().equals(matching.pairs().get(pair.leftId()))) {
				hits++;
			}
			else if (pair.feedback() != null && !pair.feedback().isBlank()) {
				feedback.add(pair.feedback());
			}
		}
		return new Score((double) hits / pairs.size(), hits == pairs.size(), feedback, explanation);
	}
}
