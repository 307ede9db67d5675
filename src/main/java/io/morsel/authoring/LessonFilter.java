package io.morsel.authoring;

import io.morsel.catalog.LessonId;
import io.morsel.catalog.LessonSummary;
import io.morsel.catalog.SkillId;
import io.morsel.shared.InvalidValueException;
import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What the studio's lesson list shows: the lessons whose title or objective holds {@code text}, in the program and
 * building the skill chosen, in a state, sorted. A plain GET form, so it works without JavaScript and a filtered
 * list can be bookmarked. Unknown states and sorts are refused rather than ignored, so a mistyped link says so.
 *
 * @param program the lessons of the chosen program, in its order, or null for every lesson
 */
record LessonFilter(String text, @Nullable List<LessonId> program, @Nullable SkillId skill, Status status, Sort sort) {

	enum Status {
		ANY("any"), DRAFT("draft"), PUBLISHED("published"), CHANGED("changed");

		final String formName;

		Status(String formName) {
			this.formName = formName;
		}

		/** Its name in the list's links and form; public for the page's template. */
		public String formName() {
			return formName;
		}

		boolean holds(LessonSummary lesson) {
			return switch (this) {
				case ANY -> true;
				case DRAFT -> lesson.publishedVersion() == null;
				case PUBLISHED -> lesson.publishedVersion() != null && lesson.draftVersion() == null;
				case CHANGED -> lesson.publishedVersion() != null && lesson.draftVersion() != null;
			};
		}
	}

	enum Sort {
		UPDATED("updated"), TITLE("title"), MINUTES("minutes"), PROGRAM("program");

		final String formName;

		Sort(String formName) {
			this.formName = formName;
		}

		/** Its name in the list's links and form; public for the page's template. */
		public String formName() {
			return formName;
		}
	}

	static Status status(@Nullable String name) {
		return parse(Status.values(), name, Status.ANY, s -> s.formName, "state");
	}

	static Sort sort(@Nullable String name) {
		return parse(Sort.values(), name, Sort.UPDATED, s -> s.formName, "order");
	}

	/** The lessons shown, from the organisation's (most recently changed first) and what each latest version builds. */
	List<LessonSummary> select(List<LessonSummary> lessons, Map<LessonId, Set<SkillId>> skills) {
		var words = text.strip().toLowerCase(Locale.ROOT);
		var shown = lessons.stream()
			.filter(l -> words.isEmpty() || l.title().toLowerCase(Locale.ROOT).contains(words)
					|| l.objective().toLowerCase(Locale.ROOT).contains(words))
			.filter(l -> program == null || program.contains(l.id()))
			.filter(l -> skill == null || skills.getOrDefault(l.id(), Set.of()).contains(skill))
			.filter(status::holds);
		var collator = Collator.getInstance(Locale.ENGLISH);
		return switch (sort) {
			case UPDATED -> shown.toList();
			case TITLE -> shown.sorted(Comparator.comparing(LessonSummary::title, collator)).toList();
			case MINUTES -> shown.sorted(Comparator.comparingInt(LessonSummary::estimatedMinutes)).toList();
			case PROGRAM -> program == null ? shown.toList()
					: shown.sorted(Comparator.comparingInt(l -> program.indexOf(l.id()))).toList();
		};
	}

	private static <E> E parse(E[] values, @Nullable String name, E otherwise,
			java.util.function.Function<E, String> formName, String what) {
		if (name == null || name.isBlank()) {
			return otherwise;
		}
		return Arrays.stream(values)
			.filter(v -> formName.apply(v).equals(name))
			.findFirst()
			.orElseThrow(() -> new InvalidValueException("authoring.refused.unknown",
					what, name, Arrays.stream(values).map(formName).collect(Collectors.joining(", "))));
	}
}
