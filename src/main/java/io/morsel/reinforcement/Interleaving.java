package io.morsel.reinforcement;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The order of a daily review (docs/reinforcement.md, "The daily review"): consecutive questions come from different
 * lessons and build different skills where the due set allows. Each next question is the soonest due that shares
 * neither lesson nor skill with the one before; else the soonest from another lesson; else the soonest. One exception
 * keeps lessons apart whenever that is possible at all: a lesson holding more than half the questions left (other than
 * the one just asked) goes next, since its questions could otherwise only follow each other at the end.
 *
 * <p>Lessons come first because a card's skills are its lesson's: two questions of one lesson share every skill. Skills
 * are kept apart greedily, question by question, which is enough for a review of ten.
 */
final class Interleaving {

	private Interleaving() {
	}

	/**
	 * @param due the questions, soonest due first
	 * @param lesson a question's lesson
	 * @param skills a question's skills (empty when it has none)
	 */
	static <T> List<T> of(List<T> due, Function<T, ?> lesson, Function<T, ? extends Set<?>> skills) {
		var left = new ArrayList<T>(due);
		var counts = new HashMap<Object, Integer>();
		due.forEach(item -> counts.merge(lesson.apply(item), 1, Integer::sum));
		var order = new ArrayList<T>(due.size());
		@Nullable T previous = null;
		while (!left.isEmpty()) {
			var crowding = crowding(counts, left.size(), previous == null ? null : lesson.apply(previous));
			@Nullable T next = null;
			var nextClash = Integer.MAX_VALUE;
			for (var item : left) {
				if (crowding != null && !crowding.equals(lesson.apply(item))) {
					continue;
				}
				var clash = previous == null ? 0 : clash(previous, item, lesson, skills);
				if (clash < nextClash) {
					next = item;
					nextClash = clash;
				}
			}
			var chosen = Objects.requireNonNull(next);
			left.remove(chosen);
			counts.merge(lesson.apply(chosen), -1, Integer::sum);
			order.add(chosen);
			previous = chosen;
		}
		return Collections.unmodifiableList(order);
	}

	/** 0 when the two share neither lesson nor skill, 1 when they share a skill only, 2 when they share the lesson. */
	private static <T> int clash(T previous, T item, Function<T, ?> lesson, Function<T, ? extends Set<?>> skills) {
		if (lesson.apply(previous).equals(lesson.apply(item))) {
			return 2;
		}
		return Collections.disjoint(skills.apply(previous), skills.apply(item)) ? 0 : 1;
	}

	/** The lesson, other than the previous question's, that holds more than half of what is left, if any. */
	private static @Nullable Object crowding(HashMap<Object, Integer> counts, int left, @Nullable Object previous) {
		for (var entry : counts.entrySet()) {
			if (!entry.getKey().equals(previous) && 2 * entry.getValue() > left) {
				return entry.getKey();
			}
		}
		return null;
	}
}
