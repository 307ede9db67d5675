package io.morsel.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Weight;
import org.jspecify.annotations.Nullable;

/**
 * Counts, in one pass over the matching lessons, how many there are and how many have each program, skill, length and
 * kind of content that matched, up to a bound: the pass stops once the total has counted that many lessons (in the
 * index's order) and finds one more, and the total is then a lower bound and the facets count the lessons the pass
 * visited, as {@link Counted#exact()} says. Counting every
 * match was most of a search's time, and it grows with the catalog while the page does not. A lesson counts for a kind when that kind's own query (the words in that kind's
 * field, or a passage of that kind near in meaning) matches it too: each kind's matches are looked up at the lessons
 * the pass visits, in the order it visits them, rather than counted by a search of their own, which was six more
 * passes over the matches for every search.
 *
 * <p>The pass visits the lessons that match in any kind of content. With a content type chosen, only those that match
 * in it ({@code chosen}) count for the total and the other facets, while every kind still counts its own, so the
 * learner sees what choosing another type would find.
 */
final class FacetCounts implements CollectorManager<FacetCounts.Counter, FacetCounts.Counted> {

	/**
	 * The total and the facets of a search.
	 *
	 * @param exact whether every match was counted; if not, more lessons match than {@code total}, and the facets
	 *     count the lessons the pass visited before it stopped
	 */
	record Counted(long total, boolean exact, SearchResults.Facets facets) {
	}

	private final Map<ContentKind, Weight> kindWeights;
	private final @Nullable Weight chosen;
	private final int bound;

	/**
	 * @param kinds for each kind of content, the lessons that match in it (without scores)
	 * @param chosen the lessons that match in the content type chosen; null for none chosen
	 * @param bound how many lessons the total counts at most: the pass stops at the next one
	 */
	FacetCounts(Map<ContentKind, Weight> kinds, @Nullable Weight chosen, int bound) {
		this.kindWeights = kinds;
		this.chosen = chosen;
		this.bound = bound;
	}

	@Override
	public Counter newCollector() {
		return new Counter();
	}

	@Override
	public Counted reduce(Collection<Counter> counters) throws IOException {
		long total = 0;
		var exact = true;
		var programs = new HashMap<String, Long>();
		var skills = new HashMap<String, Long>();
		var lengths = new long[LessonLength.values().length];
		var byKind = new long[ContentKind.values().length];
		for (var counter : counters) {
			counter.finishSegment();
			total += counter.total;
			exact &= !counter.stopped;
			counter.programs.forEach((value, n) -> programs.merge(value, n, Long::sum));
			counter.skills.forEach((value, n) -> skills.merge(value, n, Long::sum));
			for (int i = 0; i < lengths.length; i++) {
				lengths[i] += counter.lengths[i];
			}
			for (int i = 0; i < byKind.length; i++) {
				byKind[i] += counter.kindCounts[i];
			}
		}
		var types = new ArrayList<SearchResults.Count>();
		for (var kind : ContentKind.values()) {
			if (byKind[kind.ordinal()] > 0) {
				types.add(new SearchResults.Count(kind.key(), byKind[kind.ordinal()]));
			}
		}
		types.sort(Comparator.comparingLong(SearchResults.Count::count).reversed());
		var durations = new ArrayList<SearchResults.Count>();
		for (var length : LessonLength.values()) {
			if (lengths[length.ordinal()] > 0) {
				durations.add(new SearchResults.Count(length.key(), lengths[length.ordinal()]));
			}
		}
		return new Counted(total, exact, new SearchResults.Facets(sorted(programs), sorted(skills), types, durations));
	}

	private static List<SearchResults.Count> sorted(Map<String, Long> counts) {
		return counts.entrySet()
			.stream()
			.map(e -> new SearchResults.Count(e.getKey(), e.getValue()))
			.sorted(Comparator.comparingLong(SearchResults.Count::count)
				.reversed()
				.thenComparing(SearchResults.Count::value))
			.toList();
	}

	final class Counter extends SimpleCollector {

		private long total;
		/** Whether a match was left uncounted: the bound was reached. */
		private boolean stopped;
		private final Map<String, Long> programs = new HashMap<>();
		private final Map<String, Long> skills = new HashMap<>();
		private final long[] lengths = new long[LessonLength.values().length];
		private final long[] kindCounts = new long[ContentKind.values().length];

		private @Nullable SortedSetDocValues programValues;
		private @Nullable SortedSetDocValues skillValues;
		private @Nullable SortedNumericDocValues minutes;
		private final @Nullable DocIdSetIterator[] kindMatches = new DocIdSetIterator[ContentKind.values().length];
		private @Nullable DocIdSetIterator chosenMatches;

		/**
		 * The segment's counts by ordinal, turned into names once the segment is done: looking up and decoding a name
		 * for every matching lesson was a sixth of a search's time.
		 */
		private long[] programCounts = new long[0];
		private long[] skillCounts = new long[0];

		@Override
		protected void doSetNextReader(LeafReaderContext context) throws IOException {
			finishSegment();
			if (stopped) {
				throw new CollectionTerminatedException();
			}
			programValues = DocValues.getSortedSet(context.reader(), LessonDocuments.PROGRAM);
			skillValues = DocValues.getSortedSet(context.reader(), LessonDocuments.SKILL);
			minutes = DocValues.getSortedNumeric(context.reader(), LessonDocuments.MINUTES);
			programCounts = new long[Math.toIntExact(programValues.getValueCount())];
			skillCounts = new long[Math.toIntExact(skillValues.getValueCount())];
			for (var kind : ContentKind.values()) {
				kindMatches[kind.ordinal()] = matches(kindWeights.get(kind), context);
			}
			chosenMatches = matches(chosen, context);
		}

		private static @Nullable DocIdSetIterator matches(@Nullable Weight weight, LeafReaderContext context)
				throws IOException {
			if (weight == null) {
				return null;
			}
			var scorer = weight.scorer(context);
			return scorer == null ? null : scorer.iterator();
		}

		@Override
		public void collect(int doc) throws IOException {
			var counts = chosen == null || at(chosenMatches, doc);
			if (counts && total == bound) {
				stopped = true;
				throw new CollectionTerminatedException();
			}
			for (int k = 0; k < kindMatches.length; k++) {
				if (at(kindMatches[k], doc)) {
					kindCounts[k]++;
				}
			}
			if (!counts) {
				return;
			}
			total++;
			count(programValues, doc, programCounts);
			count(skillValues, doc, skillCounts);
			if (minutes != null && minutes.advanceExact(doc)) {
				var length = LessonLength.ordinalOf(minutes.nextValue());
				if (length >= 0) {
					lengths[length]++;
				}
			}
		}

		/** Whether the lessons of {@code matches} include {@code doc}; the pass asks in increasing order. */
		private static boolean at(@Nullable DocIdSetIterator matches, int doc) throws IOException {
			if (matches == null) {
				return false;
			}
			if (matches.docID() < doc) {
				matches.advance(doc);
			}
			return matches.docID() == doc;
		}

		private static void count(@Nullable SortedSetDocValues values, int doc, long[] into) throws IOException {
			if (values == null || !values.advanceExact(doc)) {
				return;
			}
			for (int i = 0; i < values.docValueCount(); i++) {
				into[(int) values.nextOrd()]++;
			}
		}

		/** Adds the last segment's counts, by name; called before each segment and once all are collected. */
		void finishSegment() throws IOException {
			name(programValues, programCounts, programs);
			name(skillValues, skillCounts, skills);
			programCounts = new long[0];
			skillCounts = new long[0];
		}

		private static void name(@Nullable SortedSetDocValues values, long[] byOrd, Map<String, Long> into)
				throws IOException {
			for (int ord = 0; ord < byOrd.length; ord++) {
				if (byOrd[ord] > 0 && values != null) {
					into.merge(values.lookupOrd(ord).utf8ToString(), byOrd[ord], Long::sum);
				}
			}
		}

		@Override
		public ScoreMode scoreMode() {
			return ScoreMode.COMPLETE_NO_SCORES;
		}
	}
}
