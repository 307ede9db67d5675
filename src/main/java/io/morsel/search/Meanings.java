package io.morsel.search;

import io.morsel.identity.OrganisationId;
import java.io.IOException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.jspecify.annotations.Nullable;

/**
 * The lessons whose passages are nearest in meaning to a query: the passages' vectors searched in the index's HNSW
 * graph, within the organisation and the request's filters, those close enough kept, each lesson ranked by its nearest
 * passage, which is also where its result links to when its words did not match.
 *
 * <p>A search reads each near passage's lesson and kind from doc values, and the nearest passage's place and text
 * ({@link #place}) only for the lessons its page shows: reading the stored fields of every near passage, a
 * compressed block decoded for each, was a sixth of a hybrid search.
 *
 * @param ranked the lessons, nearest first
 * @param nearest each lesson's nearest passage (its document in the searcher that found it)
 * @param kinds the lessons with a near passage of each kind, for the content-type facet
 */
record Meanings(List<String> ranked, Map<String, Integer> nearest, Map<ContentKind, Set<String>> kinds) {

	static final Meanings NONE = new Meanings(List.of(), Map.of(), Map.of());

	/** How many passages the vector search returns: enough for some dozens of lessons. */
	static final int PASSAGES = 200;

	/**
	 * The least cosine of a passage to the query that counts as near: every text is near something, and a query
	 * nothing in the catalog is about must find nothing. Measured on the demo catalog (RelevanceTests): passages
	 * judged relevant to a paraphrase mostly lie above 0.45, unrelated ones below 0.3.
	 */
	static final float MIN_COSINE = 0.45f;

	private static final int SNIPPET_CHARACTERS = 180;
	private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Cs}\\p{Co}\\p{Cn}]");

	/** What of a typed query is embedded: its first characters as a search counts them, without control characters. */
	static String text(String typed) {
		var text = typed.length() > LearnerQuery.MAX_LENGTH ? typed.substring(0, LearnerQuery.MAX_LENGTH) : typed;
		return CONTROL.matcher(text).replaceAll(" ").strip();
	}

	static Meanings find(IndexSearcher searcher, OrganisationId organisation, SearchRequest request, float[] vector)
			throws IOException {
		var top = searcher.search(query(organisation, request, vector), PASSAGES);
		// Lucene scores a dot product of unit vectors as (1 + cosine) / 2.
		var minScore = (1 + MIN_COSINE) / 2;
		var near = Arrays.stream(top.scoreDocs).filter(hit -> hit.score >= minScore).toArray(ScoreDoc[]::new);
		var docs = Arrays.stream(near).mapToInt(hit -> hit.doc).toArray();
		var lessons = LessonDocuments.values(searcher, LessonDocuments.LESSON, docs);
		var kindKeys = LessonDocuments.values(searcher, LessonDocuments.KIND, docs);
		var nearest = new LinkedHashMap<String, Integer>();
		var kinds = new EnumMap<ContentKind, Set<String>>(ContentKind.class);
		for (int i = 0; i < docs.length; i++) {
			var kind = ContentKind.of(kindKeys[i]).orElseThrow();
			kinds.computeIfAbsent(kind, k -> new HashSet<>()).add(lessons[i]);
			nearest.putIfAbsent(lessons[i], docs[i]);
		}
		return new Meanings(List.copyOf(nearest.keySet()), nearest, kinds);
	}

	/** The organisation's passages nearest to the vector, within the request's filters. */
	static KnnFloatVectorQuery query(OrganisationId organisation, SearchRequest request, float[] vector) {
		var filter = new BooleanQuery.Builder()
			.add(new TermQuery(new Term(LessonDocuments.TYPE, LessonDocuments.PASSAGE_DOC)), Occur.FILTER);
		Search.filters(organisation, request).forEach(f -> filter.add(f, Occur.FILTER));
		if (request.type() != null) {
			filter.add(new TermQuery(new Term(LessonDocuments.KIND, request.type().key())), Occur.FILTER);
		}
		return new KnnFloatVectorQuery(LessonDocuments.MEANING, vector, PASSAGES, filter.build());
	}

	/**
	 * Where the lesson's result links to when found by meaning alone: its nearest passage, with its first words as the
	 * snippet; null for a lesson this search did not find by meaning.
	 */
	Search.@Nullable Place place(StoredFields stored, String lesson) throws IOException {
		var doc = nearest.get(lesson);
		if (doc == null) {
			return null;
		}
		var passage = stored.document(doc, Search.PLACE_FIELDS);
		return Search.Place.of(passage, snippet(passage.get(LessonDocuments.SHOWN)));
	}

	/** The passage's first words, escaped: nothing to highlight, since it matched by meaning. */
	private static String snippet(String shown) {
		var start = shown.length() > SNIPPET_CHARACTERS ? shown.substring(0, SNIPPET_CHARACTERS) + "…" : shown;
		return new SimpleHTMLEncoder().encodeText(start);
	}

	boolean isEmpty() {
		return ranked.isEmpty();
	}

	Set<String> lessons() {
		return nearest.keySet();
	}

	Set<String> lessonsIn(ContentKind kind) {
		return kinds.getOrDefault(kind, Set.of());
	}
}
