package io.morsel.search;

import io.morsel.identity.OrganisationId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This node's Lucene index, in a folder of its own ({@code morsel.search.index-dir}). One writer, fed only by
 * {@link ChangeFollower}; searches read the last refreshed view. Each commit records the id of the last change-log
 * entry it contains, so a node that restarts carries on from there.
 */
@Component
class SearchIndex implements DisposableBean {

	private static final String APPLIED_CHANGE = "morsel.applied-change";
	private static final String VECTORS = "morsel.vectors";
	private static final String FORMAT = "morsel.format";

	/**
	 * The shape of the documents (LessonDocuments): an index of another shape is emptied on start and built again,
	 * since Lucene refuses a field whose kind changed. 2: lengths as numbers, filters and vectors on passages. 3: the
	 * lessons written without their vectors are marked (an index of format 2 did not say which lacked them). 4: each
	 * document's lesson, and each passage's kind, also as doc values (what a hybrid search reads of its rankings). 5:
	 * passages' vectors kept apart ({@link VectorsApart}).
	 */
	private static final String CURRENT_FORMAT = "5";

	/** Analyzes every text field, and the learners' queries: English words, stop words dropped, stemmed (Porter). */
	static final Analyzer ANALYZER = new EnglishAnalyzer();

	private static final Query AWAITING = new TermQuery(new Term(LessonDocuments.AWAITING_VECTORS, "yes"));

	private final FSDirectory directory;
	private final IndexWriter writer;
	private final SearcherManager searchers;

	/**
	 * Whether every lesson has had its passages' vectors (made by {@link Embeddings#MODEL}) since the index was built,
	 * but for those marked as awaiting them, written since while the model was ready (ChangeFollower), as the last
	 * commit says. Semantic search waits for it: before, most lessons would only be found by their words.
	 */
	private volatile boolean vectors;

	/** What a search does with the searcher it holds. */
	interface Reading<T> {

		T read(IndexSearcher searcher) throws IOException;
	}

	SearchIndex(@Value("${morsel.search.index-dir}") Path folder) throws IOException {
		Files.createDirectories(folder);
		this.directory = FSDirectory.open(folder);
		this.writer = new IndexWriter(directory, new IndexWriterConfig(ANALYZER));
		if (writer.getDocStats().numDocs > 0 && !CURRENT_FORMAT.equals(valueIn(committed(), FORMAT))) {
			// Also forgets the old fields' kinds; with no applied change recorded, the follower builds it all again.
			writer.deleteAll();
			writer.setLiveCommitData(Map.<String, String>of().entrySet());
		}
		this.searchers = new SearcherManager(writer, null);
		this.vectors = Embeddings.MODEL.equals(valueIn(committed(), VECTORS));
	}

	private Iterable<Map.Entry<String, String>> committed() {
		var data = writer.getLiveCommitData();
		return data == null ? List.of() : data;
	}

	/** Whether the index, as last committed, has every lesson's vectors but for a backlog of recent ones. */
	boolean hasVectors() {
		return vectors;
	}

	/** The last change-log entry this index contains; empty for an index never built. */
	OptionalLong appliedChange() {
		return writer.getLiveCommitData() == null ? OptionalLong.empty() : appliedIn(writer.getLiveCommitData());
	}

	private static OptionalLong appliedIn(Iterable<Map.Entry<String, String>> data) {
		var applied = valueIn(data, APPLIED_CHANGE);
		return applied == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(applied));
	}

	private static @Nullable String valueIn(Iterable<Map.Entry<String, String>> data, String key) {
		for (var entry : data) {
			if (entry.getKey().equals(key)) {
				return entry.getValue();
			}
		}
		return null;
	}

	/** A lesson written without its vectors. */
	record Awaiting(OrganisationId organisation, String lesson) {
	}

	/** Up to {@code max} of the lessons written without their vectors, as last committed, first written first. */
	List<Awaiting> awaitingVectors(int max) {
		return read(searcher -> {
			var top = searcher.search(AWAITING, max, new Sort(SortField.FIELD_DOC));
			var stored = searcher.storedFields();
			var awaiting = new java.util.ArrayList<Awaiting>();
			for (var hit : top.scoreDocs) {
				var doc = stored.document(hit.doc, Set.of(LessonDocuments.ORGANISATION, LessonDocuments.LESSON));
				awaiting.add(new Awaiting(new OrganisationId(UUID.fromString(doc.get(LessonDocuments.ORGANISATION))),
						doc.get(LessonDocuments.LESSON)));
			}
			return awaiting;
		});
	}

	/** How many lessons, as last committed, still wait for their vectors. */
	int countAwaitingVectors() {
		return read(searcher -> searcher.count(AWAITING));
	}

	void replaceLesson(String lesson, List<Document> documents) throws IOException {
		writer.updateDocuments(new Term(LessonDocuments.LESSON, lesson), documents);
	}

	void removeLesson(String lesson) throws IOException {
		writer.deleteDocuments(new Term(LessonDocuments.LESSON, lesson));
	}

	void removeOrganisation(OrganisationId organisation) throws IOException {
		writer.deleteDocuments(new Term(LessonDocuments.ORGANISATION, organisation.value().toString()));
	}

	/**
	 * Makes the changes durable, with the change-log entry they reach and whether the index has its vectors, and
	 * visible to the next search.
	 */
	void commit(long appliedChange, boolean everyVector) throws IOException {
		writer.setLiveCommitData(Map.of(APPLIED_CHANGE, Long.toString(appliedChange), VECTORS,
				everyVector ? Embeddings.MODEL : "", FORMAT, CURRENT_FORMAT).entrySet());
		writer.commit();
		searchers.maybeRefreshBlocking();
		vectors = everyVector;
	}

	<T> T read(Reading<T> reading) {
		try {
			var searcher = searchers.acquire();
			try {
				return reading.read(searcher);
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** How many documents the index holds now, lessons and passages, as a search would see them. */
	int documents() {
		return read(searcher -> searcher.getIndexReader().numDocs());
	}

	@Override
	public void destroy() throws IOException {
		searchers.close();
		writer.close();
		directory.close();
	}
}
