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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
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

	/** The lesson document's field for each kind of content; kinds without one match through the passages. */
	static String fieldOf(ContentKind kind) {
		return kind.key();
	}

	private LessonDocuments() {
	}

	static List<Document> of(LessonVersion version, List<String> programs) {
		var content = version.content();
		var passages = new ArrayList<Passage>();
		passages.add(new Passage(ContentKind.TITLE, null, null, content.title(), ""));
		passages.add(new Passage(ContentKind.OBJECTIVE, null, null, content.objective().text(), ""));
		var blocks = content.blocks();
		for (int step = 0; step < blocks.size(); step++) {
			passages.addAll(passages(blocks.get(step), step));
		}
		var documents = new ArrayList<Document>();
		documents.add(lesson(version, programs, passages));
		passages.forEach(p -> documents.add(passage(version, p)));
		return documents;
	}

	/** A place in the lesson: {@code step} is the block's index, {@code seconds} a cue's start. */
	record Passage(ContentKind kind, @Nullable Integer step, @Nullable Integer seconds, String shown, String hidden) {
	}

	private static List<Passage> passages(Block block, int step) {
		return switch (block) {
			case Block.Text text -> paragraphs(text.markdown()).stream()
				.map(p -> new Passage(ContentKind.TEXT, step, null, p, ""))
				.toList();
			case Block.Image image -> List.of(new Passage(ContentKind.IMAGE, step, null,
					join(image.alt(), image.caption()), ""));
			case Block.Video video -> cues(video.title(), video.transcript(), step);
			case Block.Audio audio -> cues(audio.title(), audio.transcript(), step);
			case Block.Question question -> List.of(new Passage(ContentKind.QUESTION, step, null,
					shown(question.interaction()), hidden(question.interaction())));
			case Block.Resources resources -> List.of(new Passage(ContentKind.TEXT, step, null,
					resources.items().stream().map(Block.Resource::title).collect(Collectors.joining(" · ")), ""));
		};
	}

	private static List<Passage> cues(String title, String transcript, int step) {
		var passages = new ArrayList<Passage>();
		passages.add(new Passage(ContentKind.TRANSCRIPT, step, 0, title, ""));
		for (var cue : Transcripts.cues(transcript)) {
			passages.add(new Passage(ContentKind.TRANSCRIPT, step, (int) (cue.startMillis() / 1000), cue.text(), ""));
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
		doc.add(new TextField(TITLE, content.title(), Field.Store.YES));
		doc.add(new TextField(OBJECTIVE, content.objective().text(), Field.Store.YES));
		doc.add(new StoredField(MINUTES, content.estimatedMinutes()));
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

	private static Document passage(LessonVersion version, Passage passage) {
		var doc = common(version, PASSAGE_DOC);
		doc.add(new StringField(KIND, passage.kind().key(), Field.Store.YES));
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
		doc.add(new IntField(VERSION, version.version(), Field.Store.YES));
		return doc;
	}

	private static String join(@Nullable String first, @Nullable String second) {
		return Stream.of(first, second).filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(" "));
	}
}
