package io.morsel.search;

import io.morsel.catalog.LessonId;
import io.morsel.catalog.ProgramSight;
import io.morsel.shared.InvalidValueException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A learner's search: what they typed, the filters they chose (a program's title, a skill's name, a content type, a
 * lesson length), and which page of results.
 *
 * @param lessons the only lessons the searcher may find (a partner's, {@link io.morsel.catalog.ProgramSight});
 *        {@code null} when the organisation's published lessons are all theirs to find
 */
public record SearchRequest(String query, @Nullable String program, @Nullable String skill,
		@Nullable ContentKind type, @Nullable LessonLength duration, int limit, int offset,
		@Nullable Set<LessonId> lessons) {

	public static final int MAX_LIMIT = 50;
	public static final int MAX_OFFSET = 1000;

	public SearchRequest {
		query = query == null ? "" : query;
		program = blankToNull(program);
		skill = blankToNull(skill);
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new InvalidValueException("search.refused.limit-must-1", MAX_LIMIT);
		}
		if (offset < 0 || offset > MAX_OFFSET) {
			throw new InvalidValueException("search.refused.offset-must-0", MAX_OFFSET);
		}
		lessons = lessons == null ? null : Set.copyOf(lessons);
	}

	/** A search of every published lesson of the organisation. */
	public SearchRequest(String query, @Nullable String program, @Nullable String skill, @Nullable ContentKind type,
			@Nullable LessonLength duration, int limit, int offset) {
		this(query, program, skill, type, duration, limit, offset, null);
	}

	/** This search, finding only what the searcher may see. */
	public SearchRequest seenBy(ProgramSight sight) {
		return new SearchRequest(query, program, skill, type, duration, limit, offset, sight.lessons());
	}

	/** A search with no length chosen. */
	public SearchRequest(String query, @Nullable String program, @Nullable String skill, @Nullable ContentKind type,
			int limit, int offset) {
		this(query, program, skill, type, null, limit, offset);
	}

	/** The content type as the API and the page name it ({@code transcript}, ...); blank for any. */
	public static @Nullable ContentKind type(@Nullable String key) {
		if (key == null || key.isBlank()) {
			return null;
		}
		return ContentKind.of(key)
			.orElseThrow(() -> new InvalidValueException("search.refused.type-must-title-objective-text-transcript"));
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
