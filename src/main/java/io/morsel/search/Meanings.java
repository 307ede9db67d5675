package io.morsel.search;

import io.morsel.identity.OrganisationId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;

/**
 * The lessons whose passages are nearest in meaning to a query: the passages' vectors searched in the index's HNSW
 * graph, within the organisation and the request's filters, those close enough kept, each lesson ranked by its nearest
 * passage, which is also where its result links to when its words did not match.
 *
 * @param ranked the lessons, nearest first
 * @param places each lesson's nearest passage
 * @param kinds the lessons with a near passage of each kind, for the content-type facet
 */
record Meanings(List<String> ranked, Map<String, Search.Place> places, Map<ContentKind, Set<String>> kinds) {

	static final Meanings NONE = new Meanings(List.of(), Map.of(), Map.of());

	/** How many passages the vector search returns: enough for some dozens of lessons. */
	private static final int PASSAGES = 200;

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
		var filter = new BooleanQuery.Builder()
			.add(new TermQuery(new Term(LessonDocuments.TYPE, LessonDocuments.PASSAGE_DOC)), Occur.FILTER);
		Search.filters(organisation, request).forEach(f -> filter.add(f, Occur.FILTER));
		if (request.type() != null) {
			filter.add(new TermQuery(new Term(LessonDocuments.KIND, request.type().key())), Occur.FILTER);
		}
		var top = searcher.search(new KnnFloatVectorQuery(LessonDocuments.MEANING, vector, PASSAGES, filter.build()),
				PASSAGES);
		var stored = searcher.storedFields();
		var places = new LinkedHashMap<String, Search.Place>();
		var kinds = new EnumMap<ContentKind, Set<String>>(ContentKind.class);
		// Lucene scores a dot product of unit vectors as (1 + cosine) / 2.
		var minScore = (1 + MIN_COSINE) / 2;
		for (var hit : top.scoreDocs) {
			if (hit.score < minScore) {
				continue;
			}
			var doc = stored.document(hit.doc);
			var lesson = doc.get(LessonDocuments.LESSON);
			var kind = ContentKind.of(doc.get(LessonDocuments.KIND)).orElseThrow();
			kinds.computeIfAbsent(kind, k -> new HashSet<>()).add(lesson);
			if (places.containsKey(lesson)) {
				continue;
			}
			var step = doc.getField(LessonDocuments.STEP);
			var seconds = doc.getField(LessonDocuments.SECONDS);
			places.put(lesson, new Search.Place(kind, step == null ? null : step.numericValue().intValue(),
					seconds == null ? null : seconds.numericValue().intValue(), snippet(doc.get(LessonDocuments.SHOWN))));
		}
		return new Meanings(List.copyOf(places.keySet()), places, kinds);
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
		return places.keySet();
	}

	Set<String> lessonsIn(ContentKind kind) {
		return kinds.getOrDefault(kind, Set.of());
	}
}
