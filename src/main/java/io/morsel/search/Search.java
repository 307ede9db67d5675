package io.morsel.search;

import static io.morsel.search.LessonDocuments.LESSON;
import static io.morsel.search.LessonDocuments.ORGANISATION;
import static io.morsel.search.LessonDocuments.TYPE;

import io.morsel.identity.OrganisationId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.QueryTermExtractor;
import org.apache.lucene.search.highlight.QueryTermScorer;
import org.apache.lucene.search.highlight.Scorer;
import org.apache.lucene.search.highlight.SimpleFragmenter;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.util.BytesRef;
import io.morsel.catalog.LessonId;
import io.morsel.catalog.ProgramSight;
import io.morsel.catalog.ProgramSights;
import io.morsel.catalog.Program;
import io.morsel.catalog.ProgramOutline;
import io.morsel.catalog.Programs;
import io.morsel.identity.CurrentMember;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Searches the organisation's published lessons, as this node's index has them. Lessons are ranked on their lesson
 * documents (BM25, each field weighted: title, objective, skills and programs, then the content); the page's lessons
 * then get their best passage, which gives the result its kind, its highlighted snippet and its link.
 *
 * <p>Every query is confined to the learner's organisation, and the index holds published versions only, which every
 * member of the organisation may open: what a search shows, the learner can open.
 */
@Service
public class Search {

	private static final int SNIPPET_CHARACTERS = 180;

	/**
	 * How many matching lessons the total and the facets count at most; beyond, the total is a lower bound
	 * (SearchResults.totalIsExact). Paging reaches no further (SearchRequest.MAX_OFFSET), and counting every match of
	 * a common word grew with the catalog while the page does not.
	 */
	static final int COUNTED_LESSONS = 1000;

	/** How many lessons of the lexical ranking take part in the fusion, at least. */
	private static final int FUSION_DEPTH = 100;

	/** Reciprocal rank fusion's k: 60, as its authors found best, damps the weight of the very first ranks. */
	private static final int RRF_K = 60;

	/**
	 * The weight in the fusion of the third ranking, the lessons that hold the words typed as an exact phrase. Twice
	 * either other ranking: the first such lesson then scores more than any lesson both other rankings put first (a
	 * lesson sharing one word and near in meaning), which with a weight of 1 still won.
	 */
	private static final double PHRASE_WEIGHT = 2.0;

	/** A title or an objective that matches says more than a passage of the text with the same score. */
	private static final Map<ContentKind, Float> PASSAGE_WEIGHTS = Map.of(ContentKind.TITLE, 1.6f,
			ContentKind.OBJECTIVE, 1.3f);

	private final SearchIndex index;
	private final Synonyms synonyms;
	private final Embeddings embeddings;
	private final ProgramSights sights;
	private final Programs programs;

	Search(SearchIndex index, Synonyms synonyms, Embeddings embeddings, ProgramSights sights, Programs programs) {
		this.sights = sights;
		this.programs = programs;
		this.index = index;
		this.synonyms = synonyms;
		this.embeddings = embeddings;
	}

	/** A lesson whose title starts a word with what the learner is typing. */
	public record Suggestion(UUID lessonId, String title) {
	}

	private static final Pattern LAST_WORD = Pattern.compile("([\\p{L}\\p{N}]{2,40})\\s*$");

	/**
	 * Up to six lesson titles with a word that starts with the last word typed (as typed, or stemmed), those with the
	 * other words typed first: suggestions as the learner types.
	 */
	public List<Suggestion> suggest(CurrentMember member, String typed) {
		return suggest(member.organisationId(), typed, sights.of(member));
	}

	/** As {@link #suggest(CurrentMember, String)}, of every published lesson of the organisation. */
	public List<Suggestion> suggest(OrganisationId organisation, String typed) {
		return suggest(organisation, typed, ProgramSight.EVERYTHING);
	}

	private List<Suggestion> suggest(OrganisationId organisation, String typed, ProgramSight sight) {
		var text = typed.length() > LearnerQuery.MAX_LENGTH ? typed.substring(0, LearnerQuery.MAX_LENGTH) : typed;
		var last = LAST_WORD.matcher(text);
		if (!last.find()) {
			return List.of();
		}
		var prefix = last.group(1).toLowerCase(Locale.ROOT);
		var stemmed = LearnerQuery.analyse(prefix);
		var starts = new BooleanQuery.Builder()
			.add(new PrefixQuery(new Term(LessonDocuments.TITLE, prefix)), Occur.SHOULD);
		if (!stemmed.isEmpty()) {
			starts.add(new PrefixQuery(new Term(LessonDocuments.TITLE, stemmed.getFirst().word())), Occur.SHOULD);
		}
		var query = new BooleanQuery.Builder().add(starts.build(), Occur.MUST)
			.add(new TermQuery(new Term(TYPE, LessonDocuments.LESSON_DOC)), Occur.FILTER)
			.add(new TermQuery(new Term(ORGANISATION, organisation.value().toString())), Occur.FILTER);
		if (sight.lessons() != null) {
			query.add(within(sight.lessons()), Occur.FILTER);
		}
		LearnerQuery.analyse(text.substring(0, last.start()))
			.stream()
			.limit(LearnerQuery.MAX_WORDS)
			.forEach(w -> query.add(new TermQuery(new Term(LessonDocuments.TITLE, w.word())), Occur.SHOULD));
		return index.read(searcher -> {
			var top = searcher.search(query.build(), 6);
			var stored = searcher.storedFields();
			var suggestions = new ArrayList<Suggestion>();
			for (var hit : top.scoreDocs) {
				var doc = stored.document(hit.doc);
				suggestions.add(new Suggestion(UUID.fromString(doc.get(LESSON)), doc.get(LessonDocuments.TITLE)));
			}
			return suggestions;
		});
	}

	/**
	 * The lessons the member may see that match ({@link ProgramSights}: a partner finds only the lessons of the programs
	 * assigned or open to them), as {@link #find(OrganisationId, SearchRequest)} ranks them.
	 */
	public SearchResults find(CurrentMember member, SearchRequest request) {
		var sight = sights.of(member);
		var found = find(member.organisationId(), request.seenBy(sight));
		if (!sight.narrowed()) {
			return found;
		}
		// A lesson the partner sees may also be in programs they do not: those stay out of the program facet.
		var seen = programs.outlines(member.organisationId())
			.stream()
			.map(ProgramOutline::program)
			.filter(program -> sight.sees(program.id()))
			.map(Program::title)
			.collect(java.util.stream.Collectors.toSet());
		var facets = found.facets();
		return new SearchResults(found.total(), found.totalIsExact(), found.results(),
				new SearchResults.Facets(facets.program().stream().filter(c -> seen.contains(c.value())).toList(),
						facets.skill(), facets.type(), facets.duration()));
	}

	/**
	 * The lessons that match, best first: by their words, and once the model and the index's vectors are ready also by
	 * meaning, the two rankings fused (docs/adr/0025-semantic-search.md).
	 */
	public SearchResults find(OrganisationId organisation, SearchRequest request) {
		return find(organisation, request, semantic());
	}

	/** Whether searches rank by meaning as well as by words now. */
	boolean semantic() {
		return embeddings.ready() && index.hasVectors();
	}

	SearchResults find(OrganisationId organisation, SearchRequest request, boolean byMeaning) {
		return find(organisation, request, byMeaning, COUNTED_LESSONS);
	}

	/** As {@link #find(OrganisationId, SearchRequest)}, counting at most {@code counted} matching lessons. */
	SearchResults find(OrganisationId organisation, SearchRequest request, boolean byMeaning, int counted) {
		var query = LearnerQuery.of(request.query(), synonyms.of(organisation));
		if (query.isEmpty()) {
			return SearchResults.none();
		}
		var vector = byMeaning ? embeddings.embed(Meanings.text(request.query())) : java.util.Optional.<float[]>empty();
		return index.read(searcher -> {
			var meanings = vector.isPresent() ? Meanings.find(searcher, organisation, request, vector.get())
					: Meanings.NONE;
			return find(searcher, organisation, request, query, meanings, counted);
		});
	}

	/**
	 * The near words of what was typed are looked up once (LearnerQuery.withNearWords) and serve the ranking, the
	 * snippets and the counts; the lexical ranking is read once, deep enough for the fusion; the total and every facet
	 * are counted in one pass over the matching lessons (FacetCounts).
	 */
	private SearchResults find(IndexSearcher searcher, OrganisationId organisation, SearchRequest request,
			LearnerQuery typed, Meanings byMeaning, int bound) throws IOException {
		var query = typed.withNearWords(searcher,
				new TermQuery(new Term(ORGANISATION, organisation.value().toString())));
		// Within one kind of content the ranking keeps that field's own fuzzy query (its near words weigh by that
		// field's frequencies); over all the content it reuses the fuzzy query withNearWords rewrote.
		var lexical = searcher.rewrite(lessonQuery(organisation, request, request.type() == null ? query : query.withoutNearWords(),
				request.type(), Set.of()));
		var depth = byMeaning.isEmpty() ? request.offset() + request.limit()
				: Math.max(request.offset() + request.limit(), FUSION_DEPTH);
		var byWords = searcher.search(lexical, new TopScoreDocCollectorManager(depth, 0));
		// Not one word typed, even misspelt, is in any of the organisation's lessons: a made-up word or another
		// organisation's name for something. Its embedding is noise that still lands near some lesson, so meaning
		// alone does not answer it.
		var meanings = byWords.scoreDocs.length > 0 ? byMeaning : Meanings.NONE;
		var page = meanings.isEmpty() ? lexicalPage(searcher, byWords, request)
				: fusedPage(searcher, byWords, exactly(organisation, request, query), meanings, request);
		var places = places(searcher, organisation, request, query, page);
		var stored = searcher.storedFields();
		var results = new ArrayList<SearchResults.Result>();
		for (var entry : page.entrySet()) {
			var place = places.get(entry.getKey());
			results.add(result(entry.getKey(), entry.getValue(),
					place != null ? place : meanings.place(stored, entry.getKey())));
		}
		var counted = counted(searcher, organisation, request, query, lexical, meanings, bound);
		return new SearchResults(counted.total(), counted.exact(), results, counted.facets());
	}

	private static Map<String, Ranked> lexicalPage(IndexSearcher searcher, TopDocs top, SearchRequest request)
			throws IOException {
		var page = new LinkedHashMap<String, Ranked>();
		var stored = searcher.storedFields();
		for (int i = request.offset(); i < top.scoreDocs.length; i++) {
			var doc = stored.document(top.scoreDocs[i].doc, SHOWN_FIELDS);
			page.put(doc.get(LESSON), new Ranked(top.scoreDocs[i].doc, doc.get(LessonDocuments.TITLE),
					doc.get(LessonDocuments.OBJECTIVE), top.scoreDocs[i].score));
		}
		return page;
	}

	/** What a result shows of its lesson document. */
	private static final Set<String> SHOWN_FIELDS = Set.of(LESSON, LessonDocuments.TITLE, LessonDocuments.OBJECTIVE);

	/**
	 * Reciprocal rank fusion of the lexical ranking and the ranking by meaning: each lesson scores 1/(k + rank) in each
	 * ranking it is in, so a lesson both rank well comes first, and one either ranks first is near the top, whatever
	 * the scales of BM25 and of cosines. On equal scores the words decide: the lesson the words rank first and the one
	 * only its meaning ranks first score alike, and a learner who typed the lesson's own words expects that one. The
	 * rankings' lessons are read from doc values; only the page's lesson documents are read for their title and
	 * objective.
	 */
	private static Map<String, Ranked> fusedPage(IndexSearcher searcher, TopDocs top, @Nullable Query exactly,
			Meanings meanings, SearchRequest request) throws IOException {
		var depth = Math.max(request.offset() + request.limit(), FUSION_DEPTH);
		var fused = new HashMap<String, Double>();
		var byWords = new HashMap<String, Integer>();
		var lessonDocs = new HashMap<String, Integer>();
		var ranked = lessons(searcher, top);
		for (int rank = 0; rank < ranked.length; rank++) {
			fused.merge(ranked[rank], 1.0 / (RRF_K + rank + 1), Double::sum);
			byWords.putIfAbsent(ranked[rank], rank);
			lessonDocs.put(ranked[rank], top.scoreDocs[rank].doc);
		}
		var byMeaning = meanings.ranked();
		for (int rank = 0; rank < byMeaning.size(); rank++) {
			fused.merge(byMeaning.get(rank), 1.0 / (RRF_K + rank + 1), Double::sum);
		}
		if (exactly != null) {
			var phrased = searcher.search(exactly, new TopScoreDocCollectorManager(depth, 0));
			var phrasedLessons = lessons(searcher, phrased);
			for (int rank = 0; rank < phrasedLessons.length; rank++) {
				fused.merge(phrasedLessons[rank], PHRASE_WEIGHT / (RRF_K + rank + 1), Double::sum);
				lessonDocs.putIfAbsent(phrasedLessons[rank], phrased.scoreDocs[rank].doc);
			}
		}
		var order = fused.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Double>comparingByValue()
				.reversed()
				.thenComparing(entry -> byWords.getOrDefault(entry.getKey(), Integer.MAX_VALUE))
				.thenComparing(Map.Entry::getKey))
			.skip(request.offset())
			.limit(request.limit())
			.toList();
		var missing = order.stream().map(Map.Entry::getKey).filter(l -> !lessonDocs.containsKey(l)).toList();
		if (!missing.isEmpty()) {
			var missingDocs = new BooleanQuery.Builder()
				.add(new TermQuery(new Term(TYPE, LessonDocuments.LESSON_DOC)), Occur.FILTER)
				.add(new TermInSetQuery(LESSON, missing.stream().map(BytesRef::new).toList()), Occur.FILTER)
				.build();
			var found = searcher.search(missingDocs, missing.size());
			var foundLessons = lessons(searcher, found);
			for (int i = 0; i < foundLessons.length; i++) {
				lessonDocs.put(foundLessons[i], found.scoreDocs[i].doc);
			}
		}
		var stored = searcher.storedFields();
		var page = new LinkedHashMap<String, Ranked>();
		for (var entry : order) {
			int lessonDoc = lessonDocs.get(entry.getKey());
			var doc = stored.document(lessonDoc, SHOWN_FIELDS);
			page.put(entry.getKey(), new Ranked(lessonDoc, doc.get(LessonDocuments.TITLE),
					doc.get(LessonDocuments.OBJECTIVE), entry.getValue()));
		}
		return page;
	}

	/** The lesson of each document found, in order. */
	private static String[] lessons(IndexSearcher searcher, TopDocs top) throws IOException {
		return LessonDocuments.values(searcher, LESSON,
				Arrays.stream(top.scoreDocs).mapToInt(hit -> hit.doc).toArray());
	}

	/** The lesson documents that hold the words typed as an exact phrase, within the request's filters; null for one word. */
	private static @Nullable Query exactly(OrganisationId organisation, SearchRequest request, LearnerQuery query) {
		var fields = request.type() == null ? LearnerQuery.LESSON_FIELDS
				: Map.of(LessonDocuments.fieldOf(request.type()), 1f);
		var phrase = query.exactly(fields);
		if (phrase.isEmpty()) {
			return null;
		}
		var lessons = new BooleanQuery.Builder().add(phrase.get(), Occur.MUST)
			.add(new TermQuery(new Term(TYPE, LessonDocuments.LESSON_DOC)), Occur.FILTER);
		filters(organisation, request).forEach(f -> lessons.add(f, Occur.FILTER));
		return lessons.build();
	}

	/** A lesson of the page: its lesson document (the first of its block: its passages follow it), and its score. */
	private record Ranked(int doc, String title, String objective, double score) {
	}

	record Place(ContentKind kind, @Nullable Integer step, @Nullable Integer seconds, String snippet) {

		/** What a passage's document, read with {@link #PLACE_FIELDS}, says of where it stands, with its snippet. */
		static Place of(Document passage, String snippet) {
			var step = passage.getField(LessonDocuments.STEP);
			var seconds = passage.getField(LessonDocuments.SECONDS);
			return new Place(ContentKind.of(passage.get(LessonDocuments.KIND)).orElseThrow(),
					step == null ? null : step.numericValue().intValue(),
					seconds == null ? null : seconds.numericValue().intValue(), snippet);
		}
	}

	/**
	 * The organisation's lessons that match the words ({@code type}: in that kind of content), or are among
	 * {@code alsoLessons} (found by meaning), within the request's filters.
	 */
	private static Query lessonQuery(OrganisationId organisation, SearchRequest request, LearnerQuery query,
			@Nullable ContentKind type, Set<String> alsoLessons) {
		var lessons = new BooleanQuery.Builder().add(matches(query, type, alsoLessons), Occur.MUST)
			.add(new TermQuery(new Term(TYPE, LessonDocuments.LESSON_DOC)), Occur.FILTER);
		filters(organisation, request).forEach(f -> lessons.add(f, Occur.FILTER));
		return lessons.build();
	}

	/** The documents that match the words ({@code type}: in that kind of content), or are of {@code alsoLessons}. */
	private static Query matches(LearnerQuery query, @Nullable ContentKind type, Set<String> alsoLessons) {
		var fields = type == null ? LearnerQuery.LESSON_FIELDS : Map.of(LessonDocuments.fieldOf(type), 1f);
		var fuzzyField = type == null ? LessonDocuments.ALL : LessonDocuments.fieldOf(type);
		Query matches = query.scoring(fields, fuzzyField);
		if (!alsoLessons.isEmpty()) {
			matches = new BooleanQuery.Builder().add(matches, Occur.SHOULD)
				.add(new TermInSetQuery(LESSON, alsoLessons.stream().map(BytesRef::new).toList()), Occur.SHOULD)
				.build();
		}
		return matches;
	}

	/** The organisation, and the request's program, skill and length: lesson and passage documents all have them. */
	static List<Query> filters(OrganisationId organisation, SearchRequest request) {
		var filters = new ArrayList<Query>();
		filters.add(new TermQuery(new Term(ORGANISATION, organisation.value().toString())));
		if (request.program() != null) {
			filters.add(new TermQuery(new Term(LessonDocuments.PROGRAM, request.program())));
		}
		if (request.skill() != null) {
			filters.add(new TermQuery(new Term(LessonDocuments.SKILL, request.skill())));
		}
		if (request.duration() != null) {
			filters.add(IntField.newRangeQuery(LessonDocuments.MINUTES, request.duration().minMinutes(),
					request.duration().maxMinutes()));
		}
		if (request.lessons() != null) {
			filters.add(within(request.lessons()));
		}
		return filters;
	}

	/** Only these lessons' documents (lesson and passages alike); none at all for no lessons. */
	private static Query within(Set<LessonId> lessons) {
		return new TermInSetQuery(LESSON, lessons.stream().map(l -> new BytesRef(l.value().toString())).toList());
	}

	/**
	 * The best matching passage of each lesson on the page, with its snippet. A lesson's passages are written in one
	 * block right after its lesson document (SearchIndex.replaceLesson), and Lucene keeps a block's documents together
	 * and in order: a lesson's passages are the documents between its lesson document and the next lesson document.
	 * So the passage query is advanced into those ranges only, and each lesson's best passage is read, for its place
	 * and snippet.
	 */
	private static Map<String, Place> places(IndexSearcher searcher, OrganisationId organisation,
			SearchRequest request, LearnerQuery query, Map<String, Ranked> page) throws IOException {
		if (page.isEmpty()) {
			return Map.of();
		}
		var scoring = query.scoring(Map.of(LessonDocuments.PASSAGE, 1f), LessonDocuments.PASSAGE);
		// The type and organisation are the blocks' own; kept, so that nothing but a passage of the organisation
		// could ever be shown, whatever the index held.
		var passages = new BooleanQuery.Builder().add(scoring, Occur.MUST)
			.add(new TermQuery(new Term(TYPE, LessonDocuments.PASSAGE_DOC)), Occur.FILTER)
			.add(new TermQuery(new Term(ORGANISATION, organisation.value().toString())), Occur.FILTER);
		if (request.type() != null) {
			passages.add(new TermQuery(new Term(LessonDocuments.KIND, request.type().key())), Occur.FILTER);
		}
		var lessons = page.entrySet().stream().sorted(Comparator.comparingInt(e -> e.getValue().doc())).toList();
		var lessonDocs = lessons.stream().mapToInt(e -> e.getValue().doc()).toArray();
		var best = bestPassages(searcher, passages.build(), lessonDocs);
		var stored = searcher.storedFields();
		var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(),
				snippetScorer(query, scoring));
		highlighter.setTextFragmenter(new SimpleFragmenter(SNIPPET_CHARACTERS));
		var found = new HashMap<String, Place>();
		for (int i = 0; i < lessons.size(); i++) {
			if (best[i] < 0) {
				continue;
			}
			var doc = stored.document(best[i], PLACE_FIELDS);
			found.put(lessons.get(i).getKey(), Place.of(doc, snippet(highlighter, doc.get(LessonDocuments.SHOWN))));
		}
		return found;
	}

	/**
	 * What marks the words of a snippet and picks its best fragment. Every word typed, and each near word of a misspelt
	 * one, is a clause of its own, so it is marked wherever it stands: a QueryTermScorer, which only looks the words up,
	 * marks and picks as the QueryScorer does. The QueryScorer builds an in-memory index of every snippet's text to
	 * find where phrases stand, which was a sixth of a search's time; it is kept for the organisation's synonyms, whose
	 * words are marked only where they stand as the synonym.
	 */
	private static Scorer snippetScorer(LearnerQuery query, Query scoring) {
		if (!query.alternatives().isEmpty()) {
			return new QueryScorer(scoring, LessonDocuments.PASSAGE);
		}
		return new QueryTermScorer(QueryTermExtractor.getTerms(scoring, false, LessonDocuments.PASSAGE));
	}

	/** What a result reads of its passage. */
	static final Set<String> PLACE_FIELDS = Set.of(LessonDocuments.KIND, LessonDocuments.STEP,
			LessonDocuments.SECONDS, LessonDocuments.SHOWN);

	/**
	 * For each lesson of the page (by its lesson document, ascending), the document of its best passage (-1 for none):
	 * the highest score, a title's or an objective's weighted up, the first in the index on equal scores. Only the
	 * page's blocks are visited: the query's scorer is advanced to each block's first passage and stops at its end,
	 * so the work grows with the page, not with how many passages of the catalog hold the words (a filter on the
	 * page's lessons still walked the words' postings through every block).
	 */
	private static int[] bestPassages(IndexSearcher searcher, Query passages, int[] lessonDocs) throws IOException {
		var best = new int[lessonDocs.length];
		var scores = new float[lessonDocs.length];
		Arrays.fill(best, -1);
		var weight = searcher.createWeight(searcher.rewrite(passages), ScoreMode.COMPLETE, 1f);
		var leaves = searcher.getIndexReader().leaves();
		int first = 0;
		while (first < lessonDocs.length) {
			var leaf = leaves.get(ReaderUtil.subIndex(lessonDocs[first], leaves));
			var maxDoc = leaf.reader().maxDoc();
			int next = first;
			while (next < lessonDocs.length && lessonDocs[next] - leaf.docBase < maxDoc) {
				next++;
			}
			var supplier = weight.scorerSupplier(leaf);
			if (supplier != null) {
				// About a block's passages for each of the page's lessons: the scorer leads by such ranges.
				var scorer = supplier.get(64L * (next - first));
				var matches = scorer.iterator();
				var blocks = leaf.reader().postings(new Term(TYPE, LessonDocuments.LESSON_DOC), PostingsEnum.NONE);
				var titles = postings(leaf, ContentKind.TITLE);
				var objectives = postings(leaf, ContentKind.OBJECTIVE);
				var live = leaf.reader().getLiveDocs();
				for (int i = first; i < next; i++) {
					int start = lessonDocs[i] - leaf.docBase + 1;
					int end = Math.min(maxDoc, at(blocks, start));
					for (int doc = at(matches, start); doc < end; doc = matches.nextDoc()) {
						if (live != null && !live.get(doc)) {
							continue;
						}
						var score = scorer.score();
						if (atDoc(titles, doc)) {
							score *= PASSAGE_WEIGHTS.get(ContentKind.TITLE);
						}
						else if (atDoc(objectives, doc)) {
							score *= PASSAGE_WEIGHTS.get(ContentKind.OBJECTIVE);
						}
						if (best[i] < 0 || score > scores[i]) {
							best[i] = leaf.docBase + doc;
							scores[i] = score;
						}
					}
				}
			}
			first = next;
		}
		return best;
	}

	/** The first document of {@code iterator} at or after {@code target}; {@code NO_MORE_DOCS} for none. */
	private static int at(@Nullable DocIdSetIterator iterator, int target) throws IOException {
		if (iterator == null) {
			return DocIdSetIterator.NO_MORE_DOCS;
		}
		return iterator.docID() >= target ? iterator.docID() : iterator.advance(target);
	}

	/** Whether {@code iterator} holds {@code doc}; asked in increasing order. */
	private static boolean atDoc(@Nullable DocIdSetIterator iterator, int doc) throws IOException {
		return iterator != null && at(iterator, doc) == doc;
	}

	private static @Nullable DocIdSetIterator postings(LeafReaderContext leaf, ContentKind kind) throws IOException {
		return leaf.reader().postings(new Term(LessonDocuments.KIND, kind.key()), PostingsEnum.NONE);
	}

	private static String snippet(Highlighter highlighter, String text) {
		try {
			var fragment = highlighter.getBestFragment(SearchIndex.ANALYZER, LessonDocuments.PASSAGE, text);
			if (fragment != null) {
				return fragment;
			}
		}
		catch (IOException | InvalidTokenOffsetsException e) {
			// Shown unhighlighted below.
		}
		var start = text.length() > SNIPPET_CHARACTERS ? text.substring(0, SNIPPET_CHARACTERS) + "…" : text;
		return new SimpleHTMLEncoder().encodeText(start);
	}

	private static SearchResults.Result result(String lesson, Ranked ranked, @Nullable Place place) {
		var id = UUID.fromString(lesson);
		if (place == null) {
			// Found through its skills or programs, or words spread over several places: the lesson as a whole.
			return new SearchResults.Result(id, ranked.title(), ranked.objective(), ContentKind.TITLE,
					new SimpleHTMLEncoder().encodeText(ranked.objective()), "/lessons/" + id, ranked.score(), null);
		}
		return new SearchResults.Result(id, ranked.title(), ranked.objective(), place.kind(), place.snippet(),
				link(id, place), ranked.score(), place.seconds());
	}

	/** The player's page at the step, and for a cue the second it starts (the player seeks to {@code t}). */
	static String link(UUID lesson, Place place) {
		if (place.step() == null) {
			return "/lessons/" + lesson;
		}
		var time = place.kind() == ContentKind.TRANSCRIPT && place.seconds() != null && place.seconds() > 0
				? "&t=" + place.seconds() : "";
		return "/lessons/" + lesson + "?step=" + place.step() + time + "#step-" + place.step();
	}

	/**
	 * How many lessons match (the words' and the meaning's), and the facets, up to {@code bound} lessons. With a content type chosen, the pass
	 * visits the lessons matching in any kind, so each kind counts its own; the total and the other facets count those
	 * matching in the chosen one ({@code lexical} and the meaning's).
	 */
	private static FacetCounts.Counted counted(IndexSearcher searcher, OrganisationId organisation,
			SearchRequest request, LearnerQuery query, Query lexical, Meanings meanings, int bound) throws IOException {
		var kinds = new EnumMap<ContentKind, Weight>(ContentKind.class);
		for (var kind : ContentKind.values()) {
			kinds.put(kind, unscored(searcher, matches(query, kind, meanings.lessonsIn(kind))));
		}
		var chosen = request.type() == null ? null : unscored(searcher, new BooleanQuery.Builder()
			.add(lexical, Occur.SHOULD)
			.add(new TermInSetQuery(LESSON, meanings.lessons().stream().map(BytesRef::new).toList()), Occur.SHOULD)
			.build());
		var visited = request.type() == null && meanings.isEmpty() ? lexical
				: lessonQuery(organisation, request, query, null, meanings.lessons());
		return searcher.search(visited, new FacetCounts(kinds, chosen, bound));
	}

	private static Weight unscored(IndexSearcher searcher, Query query) throws IOException {
		return searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
	}
}
