package io.morsel.authoring;

import io.morsel.catalog.Block;
import io.morsel.catalog.Covers;
import io.morsel.catalog.LessonContent;
import io.morsel.catalog.LessonId;
import io.morsel.catalog.LessonSummary;
import io.morsel.catalog.LessonVersion;
import io.morsel.catalog.Lessons;
import io.morsel.catalog.MediaRange;
import io.morsel.catalog.Objective;
import io.morsel.identity.CurrentMember;
import io.morsel.shared.InvalidValueException;
import io.morsel.shared.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The author's lessons: created, imported, edited, published and exported. The studio's pages and the REST API both
 * come here, so both check the author's role and the lesson's rules the same way. Each edit is applied to the
 * lesson's latest version and saved as its draft (a published version is never changed: the first edit after
 * publishing opens the next draft). Invalid content is refused with the rule it breaks, and the draft stays as it
 * was. Only authors get anything from here, not even a draft to read: drafts hold the answer key.
 */
@Service
public class Workbench {

	private final Lessons lessons;
	private final ObjectiveLinter linter;
	private final AuthoringSettings settings;
	private final MediaDurations durations;
	private final LessonTemplates templates;
	private final JsonMapper json;
	private final Covers covers;

	Workbench(Lessons lessons, ObjectiveLinter linter, AuthoringSettings settings, MediaDurations durations,
			LessonTemplates templates, JsonMapper json, Covers covers) {
		this.covers = covers;
		this.lessons = lessons;
		this.templates = templates;
		this.linter = linter;
		this.settings = settings;
		this.durations = durations;
		this.json = json;
	}

	/** How long a learner takes over this content, its media timed from the organisation's stored files. */
	public LessonEstimate estimate(CurrentMember author, LessonContent content) {
		var organisation = AuthorRole.required(author).organisationId();
		return LessonEstimate.of(content, media -> durations.seconds(organisation, media));
	}

	/** What the editor and the API warn the author of: the objective, the lesson's length, its assessment. */
	public List<LessonWarning> warnings(CurrentMember author, LessonContent content) {
		return linter.warnings(content, estimate(author, content), settings.policy(author.organisationId()));
	}

	/**
	 * An objective checked as the author types it, before anything is saved: the API's
	 * {@code POST /api/v1/objectives/check} and the studio's live linting both end here.
	 */
	public ObjectiveCheck checkObjective(CurrentMember author, @Nullable String objective, @Nullable String language) {
		AuthorRole.required(author);
		return linter.check(objective, language);
	}

	/**
	 * The studio's new lesson: its details, and the blocks of the template it starts from (a blank one is its first
	 * paragraph alone); the rest is added block by block. A first text given replaces the template's opening one.
	 */
	public LessonVersion create(CurrentMember author, String title, String objective, int minutes,
			LessonTemplate template, @Nullable String firstText) {
		AuthorRole.required(author);
		return create(author, templates.content(template, title, objective, minutes, firstText));
	}

	/**
	 * A new lesson, a draft, with the latest content of another (its draft, else its published version) under the
	 * title "Copy of …"; learners' attempts and the original stay as they were.
	 */
	public LessonVersion duplicate(CurrentMember author, LessonId id) {
		var original = latest(author, id).content();
		var title = "Copy of " + original.title();
		if (title.length() > 120) {
			title = title.substring(0, 119).strip() + "…";
		}
		return create(author, new LessonContent(title, original.objective(), original.estimatedMinutes(),
				original.skills(), original.blocks(), original.why()));
	}

	/**
	 * Puts a copy of a block right after it; a question's copy gets an id of its own ("check-copy", "check-copy-2"…),
	 * since learners' answers are kept by the question's id.
	 */
	public LessonVersion duplicateBlock(CurrentMember author, LessonId id, int index) {
		return editBlocks(author, id, blocks -> {
			var block = blocks.get(checked(blocks, index));
			blocks.add(index + 1, block instanceof Block.Question question ? copy(question, blocks) : block);
		});
	}

	private Block copy(Block.Question question, List<Block> blocks) {
		var taken = blocks.stream()
			.filter(Block.Question.class::isInstance)
			.map(b -> ((Block.Question) b).interaction().id())
			.collect(java.util.stream.Collectors.toSet());
		var base = question.interaction().id() + "-copy";
		var id = base;
		for (var n = 2; taken.contains(id); n++) {
			id = base + "-" + n;
		}
		var tree = (tools.jackson.databind.node.ObjectNode) json.valueToTree(question.interaction());
		tree.put("id", id);
		return new Block.Question(json.treeToValue(tree, io.morsel.catalog.Interaction.class));
	}

	/**
	 * Creates a lesson whose first version is a draft, from its content in the lesson format (docs/lesson-format.md):
	 * a new lesson, or an exported one imported. The API's {@code POST /api/v1/lessons} and the studio's import both
	 * end here.
	 */
	public LessonVersion create(CurrentMember author, LessonContent content) {
		AuthorRole.required(author);
		checkRanges(author, content);
		return lessons.create(author, content);
	}

	/** The studio's import: a file in the lesson format, read, then created as the API creates one. */
	public LessonVersion importLesson(CurrentMember author, String lessonJson) {
		AuthorRole.required(author);
		LessonContent content;
		try {
			content = json.readValue(lessonJson, LessonContent.class);
		}
		catch (ValueInstantiationException e) {
			// A value refused the file, or a value type failed: a bug, whose message is not for the author.
			var broken = e.getCause() instanceof InvalidValueException rule ? rule : null;
			if (broken == null) {
				throw e;
			}
			throw new InvalidValueException("authoring.refused.file-not-lesson-morsel-s-format", broken.getMessage());
		}
		catch (JacksonException e) {
			throw new InvalidValueException("authoring.refused.file-not-lesson-morsel-s-format",
					e.getOriginalMessage());
		}
		return create(author, content);
	}

	/** Replaces the draft with the whole content (opens the next draft after a published version). */
	public LessonVersion saveDraft(CurrentMember author, LessonId id, LessonContent content) {
		AuthorRole.required(author);
		checkRanges(author, content);
		return lessons.saveDraft(author, id, content);
	}

	/**
	 * Publishes the draft: learners starting the lesson from now on get this version. A draft that nothing assesses
	 * the objective of is refused, and so is a vague or double objective where the organisation's policy says so.
	 */
	public LessonVersion publish(CurrentMember author, LessonId id) {
		return publish(author, id, false);
	}

	/**
	 * Publishes the draft, as {@link #publish(CurrentMember, LessonId)} does; a significant version is offered to the
	 * learners who completed an earlier one, a minor one bothers nobody. An unpublished lesson without a draft is
	 * published again as it was.
	 */
	public LessonVersion publish(CurrentMember author, LessonId id, boolean significant) {
		var latest = latest(author, id);
		if (!latest.published()) {
			var blockers = linter.blockers(latest.content(), estimate(author, latest.content()),
					settings.policy(author.organisationId()));
			if (!blockers.isEmpty()) {
				throw new LessonNotPublishable(blockers);
			}
		}
		return lessons.publish(author, id, significant);
	}

	/** Learners who have not started the lesson no longer find it; those who did keep their attempts. */
	public LessonSummary unpublish(CurrentMember author, LessonId id) {
		return lessons.unpublish(AuthorRole.required(author), id);
	}

	/** Gone from the catalog, search and the working list; learners' records and reports keep it. */
	public LessonSummary archive(CurrentMember author, LessonId id) {
		return lessons.archive(AuthorRole.required(author), id);
	}

	/** Back as it was before it was archived. */
	public LessonSummary restore(CurrentMember author, LessonId id) {
		return lessons.restore(AuthorRole.required(author), id);
	}

	/** Deletes a lesson never published and in no program; any other is refused with what names it. */
	public void delete(CurrentMember author, LessonId id) {
		lessons.delete(AuthorRole.required(author), id);
	}

	/** The lesson as the authors' list shows it, with where it is in its life. */
	public LessonSummary summary(CurrentMember author, LessonId id) {
		return lessons.summary(AuthorRole.required(author).organisationId(), id);
	}

	/** The latest version's content in the lesson format, to import elsewhere. */
	public LessonContent export(CurrentMember author, LessonId id) {
		return latest(author, id).content();
	}

	/** Changes the lesson's details, keeping its line on why to take it. */
	public LessonVersion details(CurrentMember author, LessonId id, String title, String objective, int minutes,
			List<String> skills) {
		return edit(author, id,
				c -> new LessonContent(title, new Objective(objective), minutes, skills, c.blocks(), c.why()));
	}

	/**
	 * Changes the lesson's details and its line on why to take it (blank: none), which is not linted: it speaks to
	 * learners, in their words. A refused change saves nothing.
	 */
	public LessonVersion details(CurrentMember author, LessonId id, String title, String objective, int minutes,
			List<String> skills, @Nullable String why) {
		return edit(author, id,
				c -> new LessonContent(title, new Objective(objective), minutes, skills, c.blocks(), why));
	}

	public LessonVersion add(CurrentMember author, LessonId id, Block block) {
		return editBlocks(author, id, blocks -> blocks.add(block));
	}

	public LessonVersion replace(CurrentMember author, LessonId id, int index, Block block) {
		return editBlocks(author, id, blocks -> blocks.set(checked(blocks, index), block));
	}

	public LessonVersion remove(CurrentMember author, LessonId id, int index) {
		return editBlocks(author, id, blocks -> blocks.remove(checked(blocks, index)));
	}

	/** Moves a block one place up ({@code -1}) or down ({@code +1}); at either end nothing moves. */
	public LessonVersion move(CurrentMember author, LessonId id, int index, int direction) {
		return editBlocks(author, id, blocks -> {
			var target = checked(blocks, index) + Integer.signum(direction);
			if (target >= 0 && target < blocks.size()) {
				blocks.add(target, blocks.remove(index));
			}
		});
	}

	/**
	 * Moves a block from one place to another (both counted from 0), as dragging it in the editor does; the blocks
	 * between close up.
	 */
	public LessonVersion reorder(CurrentMember author, LessonId id, int from, int to) {
		return editBlocks(author, id, blocks -> {
			var block = blocks.remove(checked(blocks, from));
			if (to < 0 || to > blocks.size()) {
				throw new InvalidValueException("authoring.refused.block-moves-place-1", (blocks.size() + 1));
			}
			blocks.add(to, block);
		});
	}

	/**
	 * Replaces the cover of the lesson's draft with an uploaded image (a PNG, JPEG, WebP or inert SVG of at most
	 * {@link Covers#MAX_BYTES}), opening a draft first when the lesson has only a published version, which keeps its
	 * own cover. Learners see it once the draft is published. A refused image changes nothing, a draft included.
	 * @throws io.morsel.shared.InvalidValueException when the image is refused
	 */
	@Transactional
	public LessonVersion replaceCover(CurrentMember author, LessonId id, byte[] image) {
		var draft = draft(author, id);
		covers.replaceDraftCover(author.organisationId(), id, image);
		return draft;
	}

	/** Removes the draft's cover (opening a draft as {@link #replaceCover} does): once published, the pattern shows. */
	@Transactional
	public LessonVersion removeCover(CurrentMember author, LessonId id) {
		var draft = draft(author, id);
		covers.removeDraftCover(author.organisationId(), id);
		return draft;
	}

	/** The address of the cover of the version the author works on. */
	public String coverPath(CurrentMember author, LessonVersion version) {
		return covers.paths(AuthorRole.required(author).organisationId(), Map.of(version.lessonId(), version.version()))
			.get(version.lessonId());
	}

	private LessonVersion draft(CurrentMember author, LessonId id) {
		var latest = latest(author, id);
		return latest.published() ? lessons.saveDraft(author, id, latest.content()) : latest;
	}

	/** The version the author works on: the draft, else the published one; answer key included. */
	public LessonVersion latest(CurrentMember author, LessonId id) {
		return lessons.latest(AuthorRole.required(author).organisationId(), id)
			.orElseThrow(() -> new NotFoundException("not-found.lesson"));
	}

	private LessonVersion editBlocks(CurrentMember author, LessonId id, java.util.function.Consumer<List<Block>> change) {
		return edit(author, id, c -> {
			var blocks = new ArrayList<>(c.blocks());
			change.accept(blocks);
			return new LessonContent(c.title(), c.objective(), c.estimatedMinutes(), c.skills(), blocks, c.why());
		});
	}

	private LessonVersion edit(CurrentMember author, LessonId id, UnaryOperator<LessonContent> change) {
		var current = latest(author, id);
		return saveDraft(author, id, change.apply(current.content()));
	}

	/**
	 * A part of a stored file to play must end within the file, where its duration can be read from it; a linked
	 * video's length is not known here, and the browser plays what there is.
	 */
	private void checkRanges(CurrentMember author, LessonContent content) {
		for (var block : content.blocks()) {
			var media = switch (block) {
				case Block.Video video when video.range() != null && video.media() != null -> video.media();
				case Block.Audio audio when audio.range() != null -> audio.media();
				default -> null;
			};
			if (media == null) {
				continue;
			}
			var range = block instanceof Block.Video video ? video.range() : ((Block.Audio) block).range();
			var seconds = durations.seconds(author.organisationId(), media);
			if (seconds.isPresent() && range.end() > seconds.getAsLong()) {
				throw new InvalidValueException("authoring.refused.part-play-ends-s-after-end",
						MediaRange.seconds(range.end()), seconds.getAsLong());
			}
		}
	}

	private static int checked(List<Block> blocks, int index) {
		if (index < 0 || index >= blocks.size()) {
			throw new NotFoundException("not-found.block");
		}
		return index;
	}
}
