package io.morsel.search;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One page of what a search found: lessons, best first, each with the place that matched best.
 *
 * @param total how many lessons match in all; when not {@code totalIsExact}, at least that many (Search counts the
 *     matches up to a bound)
 * @param totalIsExact whether {@code total} counts every match; if not, more lessons match, and the facets count
 *     only the lessons counted
 * @param facets the values a learner may narrow the search to, each with how many of the matching lessons have it
 */
public record SearchResults(long total, boolean totalIsExact, List<Result> results, Facets facets) {

	static SearchResults none() {
		return new SearchResults(0, true, List.of(), new Facets(List.of(), List.of(), List.of(), List.of()));
	}

	/**
	 * A lesson found, and where.
	 *
	 * @param kind where the best match is
	 * @param snippet the matching words in their context, as HTML: the text escaped, matches in {@code <mark>}
	 * @param link the lesson's page at the place found: its step, and for a transcript the second the cue starts
	 * ({@code t}, which the player seeks to)
	 */
	public record Result(UUID lessonId, String title, String objective, ContentKind kind, String snippet, String link,
			double score, @Nullable Integer seconds) {
	}

	/**
	 * Counts per program, skill and content type, most frequent first, and per lesson length ({@link LessonLength}'s
	 * keys), shortest first.
	 */
	public record Facets(List<Count> program, List<Count> skill, List<Count> type, List<Count> duration) {
	}

	public record Count(String value, long count) {
	}
}
