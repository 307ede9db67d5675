package io.morsel.search;

import io.morsel.catalog.ApplicationExercise;
import io.morsel.catalog.Block;
import io.morsel.catalog.Interaction;
import io.morsel.catalog.LessonVersion;
import io.morsel.catalog.Matching;
import io.morsel.catalog.MultipleChoice;
import io.morsel.catalog.Option;
import io.morsel.catalog.Ordering;
import io.morsel.catalog.PickN;
import io.morsel.catalog.Scenario;
import io.morsel.catalog.ShortText;
import io.morsel.catalog.SingleChoice;
import io.morsel.catalog.Transcripts;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/**
 * A published lesson as index documents: one document for the lesson, which ranks lessons (a field per kind of
 * content, so each kind carries its own weight), and one per passage a learner may be sent to (the title, the
 * objective, a text block's paragraph, a transcript cue with its start, an interaction, an image), which picks the
 * snippet and the link of a result.
 *
 * <p>An interaction's passage shows what the player shows (prompt, situation, options); its explanation and the
 * options' feedback are searched too but never shown, so a snippet never gives the answer away.
 */
final class LessonDocuments {

	static final String TYPE = "doc";
	static final String LESSON_DOC = "lesson";
	static final String PASSAGE_DOC = "passage";
	static final String ORGANISATION = "organisation";
	static final String LESSON = "lesson";
	static final String VERSION = "version";
	static final String TITLE = "title";
	static final String OBJECTIVE = "objective";
	static final String TAGS = "tags";
	static final String SKILL = "skill";
	static final String PROGRAM = "program";
	static final String ALL = "all";
	static final String MINUTES = "minutes";
	static final String KIND = "kind";
	static final String STEP = "step";
	static final String SECONDS = "seconds";
	static final String SHOWN = "shown";
	static final String PASSAGE = "passage";
	static final String MEANING = "meaning";

	/**
	 * On a lesson document written without its passages' vectors: the lessons still to be embedded, found in the
	 * index itself, so a node that restarts carries on with them.
	 */
	static final String AWAITING_VECTORS = "awaiting-vectors";

	/** Transcript cues are embedded in windows of about this many seconds: a cue alone says too little. */
	static final int WINDOW_SECONDS = 30;

	/** Vectors of texts, in order; empty when there are none to be had (semantic search off, or not ready yet). */
	interface Vectors {

		Optional<List<float[]>> of(List<String> texts);

		Vectors NONE = texts -> Optional.empty();
	}

	/** The text recognised inside an image, empty when none is (or none could be). */
	interface ImageText {

		String of(Block.Image image);

		ImageText NONE = image -> "";
	}

	/** A lesson's documents, and whether its passages carry their vectors. */
	record Built(List<Document> documents, boolean vectors) {
	}

	/** The lesson document's field for each kind of content; kinds without one match through the passages. */
	static String fieldOf(ContentKind kind) {
		return kind.key();
	}

	private LessonDocuments() {
	}

	static List<Document> of(LessonVersion version, List<String> programs) {
		return of(version, programs, ImageText.NONE, Vectors.NONE).documents();
	}

	/**
	 * The lesson's documents; each passage with a meaning of its own (a paragraph, a transcript window, a question, an
	 * image, the title, the objective) also carries its vector, when {@code vectors} has them.
	 */
	static Built of(LessonVersion version, List<String> programs, ImageText imageText, Vectors vectors) {
		var content = version.content();
		var passages = new ArrayList<Passage>();
		passages.add(new Passage(ContentKind.TITLE, null, null, content.title(), "", content.title()));
		passages.add(new Passage(ContentKind.OBJECTIVE, null, null, content.objective().text(), "",
				content.objective().text()));
		var blocks = content.blocks();
		for (int step = 0; step < blocks.size(); step++) {
			passages.addAll(passages(blocks.get(step), step, imageText));
		}
		var meanings = passages.stream().map(Passage::meaning).filter(Objects::nonNull).toList();
		var embedded = vectors.of(meanings);
		var documents = new ArrayList<Document>();
		var lesson = lesson(version, programs, passages);
		if (embedded.isEmpty()) {
			lesson.add(new StringField(AWAITING_VECTORS, "yes", Field.Store.NO));
		}
		documents.add(lesson);
		int next = 0;
		for (var passage : passages) {
			float @Nullable [] vector = null;
			if (passage.meaning() != null && embedded.isPresent()) {
				vector = VectorsApart.of(embedded.get().get(next), version.lessonId().value(), next);
				next++;
			}
			documents.add(passage(version, programs, passage, vector));
		}
		return new Built(documents, embedded.isPresent());
	}

	/**
	 * A place in the lesson: {@code step} is the block's index, {@code seconds} a cue's start; {@code meaning} is the
	 * text its vector stands for, or null for a passage without one (a cue inside a transcript window).
	 */
	record Passage(ContentKind kind, @Nullable Integer step, @Nullable Integer seconds, String shown, String hidden,
			@Nullable String meaning) {
	}

	private static List<Passage> passages(Block block, int step, ImageText imageText) {
		return switch (block) {
			case Block.Text text -> paragraphs(text.markdown()).stream()
				.map(p -> new Passage(ContentKind.TEXT, step, null, p, "", p))
				.toList();
			case Block.Image image -> {
				var shown = join(join(image.alt(), image.caption()), imageText.of(image));
				yield List.of(new Passage(ContentKind.IMAGE, step, null, shown, "", shown));
			}
			case Block.Video video -> cues(video.title(), video.transcript(), step);
			case Block.Audio audio -> cues(audio.title(), audio.transcript(), step);
			case Block.Question question -> {
				var shown = shown(question.interaction());
				yield List.of(new Passage(ContentKind.QUESTION, step, null, shown, hidden(question.interaction()), shown));
			}
			case Block.Resources resources -> {
				var shown = resources.items().stream().map(Block.Resource::title).collect(Collectors.joining(" · "));
				yield List.of(new Passage(ContentKind.TEXT, step, null, shown, "", shown));
			}
		};
	}

	/**
	 * The title, then one passage per cue; the first cue of each window of about {@link #WINDOW_SECONDS} carries the
	 * meaning of the whole window, so a result found by meaning starts the player where the window starts.
	 */
	private static List<Passage> cues(String title, String transcript, int step) {
		var passages = new ArrayList<Passage>();
		passages.add(new Passage(ContentKind.TRANSCRIPT, step, 0, title, "", title));
		var cues = Transcripts.cues(transcript);
		int first = 0;
		while (first < cues.size()) {
			var start = cues.get(first).startMillis();
			int end = first;
			var window = new StringBuilder();
			while (end < cues.size() && cues.get(end).startMillis() - start < WINDOW_SECONDS * 1000L) {
				window.append(end == first ? "" : " ").append(cues.get(end).text());
				end++;
			}
			for (int i = first; i < end; i++) {
				var cue = cues.get(i);
				passages.add(new Passage(ContentKind.TRANSCRIPT, step, (int) (cue.startMillis() / 1000), cue.text(), "",
						i == first ? window.toString() : null));
			}
			first = end;
		}
		return passages;
	}

	/** Markdown as the words a learner reads: one passage per paragraph, without the markup. */
	static List<String> paragraphs(String markdown) {
		return Stream.of(markdown.split("\\n\\s*\\n"))
			.map(p -> p.replaceAll("!?\\[([^\\]]*)]\\([^)]*\\)", "$1")
				.replaceAll("(?m)^\\s{0,3}(#{1,6}|>|[-*+]|\\d+[.)])\\s+", "")
				.replaceAll("[*_`~|]+", "")
				.replaceAll("\\s+", " ")
				.strip())
			.filter(p -> !p.isEmpty())
			.toList();
	}

	private static String shown(Interaction interaction) {
		var parts = new ArrayList<String>();
		if (interaction instanceof Scenario s) {
			parts.add(s.situation());
		}
		parts.add(interaction.prompt());
		switch (interaction) {
			case SingleChoice s -> s.options().forEach(o -> parts.add(o.text()));
			case MultipleChoice m -> m.options().forEach(o -> parts.add(o.text()));
			case PickN p -> p.options().forEach(o -> parts.add(o.text()));
			case Scenario s -> s.options().forEach(o -> parts.add(o.text()));
			case Matching m -> m.pairs().forEach(p -> parts.add(p.left() + " – " + p.right()));
			case Ordering o -> o.items().forEach(i -> parts.add(i.text()));
			case ShortText t -> {
			}
			case ApplicationExercise e -> {
			}
		}
		return String.join(" · ", parts);
	}

	private static String hidden(Interaction interaction) {
		var parts = new ArrayList<@Nullable String>();
		parts.add(interaction.explanation());
		switch (interaction) {
			case SingleChoice s -> s.options().forEach(o -> parts.add(o.feedback()));
			case MultipleChoice m -> m.options().forEach(o -> parts.add(o.feedback()));
			case PickN p -> p.options().forEach(o -> parts.add(o.feedback()));
			case Scenario s -> s.options().stream().map(Option::feedback).forEach(parts::add);
			default -> {
			}
		}
		return parts.stream().filter(Objects::nonNull).collect(Collectors.joining(" "));
	}

	private static Document lesson(LessonVersion version, List<String> programs, List<Passage> passages) {
		var content = version.content();
		var doc = common(version, LESSON_DOC);
		// Stored on the lesson document only, to find the lessons awaiting their vectors in the catalog again.
		doc.add(new StoredField(ORGANISATION, version.organisationId().value().toString()));
		doc.add(new TextField(TITLE, content.title(), Field.Store.YES));
		doc.add(new TextField(OBJECTIVE, content.objective().text(), Field.Store.YES));
		doc.add(new IntField(MINUTES, content.estimatedMinutes(), Field.Store.YES));
		for (var skill : content.skills()) {
			doc.add(new TextField(TAGS, skill, Field.Store.NO));
			doc.add(new StringField(SKILL, skill, Field.Store.NO));
			doc.add(new SortedSetDocValuesField(SKILL, new BytesRef(skill)));
		}
		for (var program : programs) {
			doc.add(new TextField(TAGS, program, Field.Store.NO));
			doc.add(new StringField(PROGRAM, program, Field.Store.NO));
			doc.add(new SortedSetDocValuesField(PROGRAM, new BytesRef(program)));
		}
		for (var passage : passages) {
			if (passage.kind() != ContentKind.TITLE && passage.kind() != ContentKind.OBJECTIVE) {
				doc.add(new TextField(fieldOf(passage.kind()), join(passage.shown(), passage.hidden()), Field.Store.NO));
			}
			doc.add(new TextField(ALL, join(passage.shown(), passage.hidden()), Field.Store.NO));
		}
		content.skills().forEach(s -> doc.add(new TextField(ALL, s, Field.Store.NO)));
		programs.forEach(p -> doc.add(new TextField(ALL, p, Field.Store.NO)));
		return doc;
	}

	private static Document passage(LessonVersion version, List<String> programs, Passage passage,
			float @Nullable [] vector) {
		var doc = common(version, PASSAGE_DOC);
		// The lesson's own filters, so that passages found by meaning are narrowed as the lessons are.
		doc.add(new IntField(MINUTES, version.content().estimatedMinutes(), Field.Store.NO));
		version.content().skills().forEach(s -> doc.add(new StringField(SKILL, s, Field.Store.NO)));
		programs.forEach(p -> doc.add(new StringField(PROGRAM, p, Field.Store.NO)));
		if (vector != null) {
			doc.add(new KnnFloatVectorField(MEANING, vector, VectorSimilarityFunction.DOT_PRODUCT));
		}
		doc.add(new StringField(KIND, passage.kind().key(), Field.Store.YES));
		doc.add(new SortedDocValuesField(KIND, new BytesRef(passage.kind().key())));
		if (passage.step() != null) {
			doc.add(new StoredField(STEP, passage.step()));
		}
		if (passage.seconds() != null) {
			doc.add(new StoredField(SECONDS, passage.seconds()));
		}
		doc.add(new StoredField(SHOWN, passage.shown()));
		doc.add(new TextField(PASSAGE, join(passage.shown(), passage.hidden()), Field.Store.NO));
		return doc;
	}

	private static Document common(LessonVersion version, String type) {
		var doc = new Document();
		doc.add(new StringField(TYPE, type, Field.Store.NO));
		doc.add(new StringField(ORGANISATION, version.organisationId().value().toString(), Field.Store.NO));
		doc.add(new StringField(LESSON, version.lessonId().value().toString(), Field.Store.YES));
		doc.add(new SortedDocValuesField(LESSON, new BytesRef(version.lessonId().value().toString())));
		doc.add(new IntField(VERSION, version.version(), Field.Store.YES));
		return doc;
	}

	/**
	 * The value of a field with doc values ({@link #LESSON} on every document, {@link #KIND} on passages) for each of
	 * the searcher's documents, in the order given; null where a document has none. Doc values are read in the order of
	 * the documents, a few bytes each, where a stored field decodes a compressed block for each document: what a
	 * search that ranks a hundred or more documents reads of each.
	 */
	static @Nullable String[] values(IndexSearcher searcher, String field, int[] docs) throws IOException {
		var values = new @Nullable String[docs.length];
		var order = IntStream.range(0, docs.length).boxed().sorted(Comparator.comparingInt(i -> docs[i])).toList();
		var leaves = searcher.getIndexReader().leaves();
		LeafReaderContext leaf = null;
		SortedDocValues inLeaf = null;
		for (int i : order) {
			if (leaf == null || docs[i] >= leaf.docBase + leaf.reader().maxDoc()) {
				leaf = leaves.get(ReaderUtil.subIndex(docs[i], leaves));
				inLeaf = DocValues.getSorted(leaf.reader(), field);
			}
			if (inLeaf.advanceExact(docs[i] - leaf.docBase)) {
				values[i] = inLeaf.lookupOrd(inLeaf.ordValue()).utf8ToString();
			}
		}
		return values;
	}

	private static String join(@Nullable String first, @Nullable String second) {
		return Stream.of(first, second).filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(" "));
	}
}
