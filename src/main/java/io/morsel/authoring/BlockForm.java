package io.morsel.authoring;

import io.morsel.catalog.Block;
import io.morsel.catalog.Interaction;
import io.morsel.catalog.MediaRange;
import io.morsel.shared.InvalidValueException;
import java.util.ArrayList;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A block as the editor's forms send it. {@code kind} says which fields count: {@code markdown} for text;
 * {@code media}, {@code alt}, {@code caption} for an image; {@code media} or {@code url}, {@code title},
 * {@code transcript} for video and audio, with {@code rangeStart} and {@code rangeEnd} (seconds or m:ss, both or
 * neither) when only part of the file plays; {@code links} (one "Title | URL" a line) for resources. An interaction comes
 * from its {@code question} form, or, from the editor's advanced form, as {@code interaction} JSON in the lesson
 * format: the JSON when it is sent, the question form otherwise.
 */
public record BlockForm(@Nullable String kind, @Nullable String markdown, @Nullable String media, @Nullable String alt,
		@Nullable String caption, @Nullable String url, @Nullable String title, @Nullable String transcript,
		@Nullable String links, @Nullable String interaction, @Nullable QuestionForm question,
		@Nullable String rangeStart, @Nullable String rangeEnd) {

	/** A form without a part to play; package-private, so that form binding sees one public constructor. */
	BlockForm(@Nullable String kind, @Nullable String markdown, @Nullable String media, @Nullable String alt,
			@Nullable String caption, @Nullable String url, @Nullable String title, @Nullable String transcript,
			@Nullable String links, @Nullable String interaction, @Nullable QuestionForm question) {
		this(kind, markdown, media, alt, caption, url, title, transcript, links, interaction, question, null, null);
	}

	/** The block; its constructor refuses what is missing or wrong with a message the editor shows. */
	Block toBlock(JsonMapper json) {
		if (kind == null) {
			throw new InvalidValueException("authoring.refused.choose-kind-block-text-image-video");
		}
		return switch (kind) {
			case "text" -> new Block.Text(blankToNull(markdown));
			case "image" -> new Block.Image(blankToNull(media), blankToNull(alt), blankToNull(caption));
			case "video" -> new Block.Video(blankToNull(media), blankToNull(url), blankToNull(title), blankToNull(transcript),
					range());
			case "audio" -> new Block.Audio(blankToNull(media), blankToNull(title), blankToNull(transcript), range());
			case "resources" -> new Block.Resources(resources());
			case "interaction" -> new Block.Question(interaction == null && question != null ? question.toInteraction()
					: interaction(json));
			default -> throw new InvalidValueException("authoring.refused.unknown-kind-block", kind);
		};
	}

	/** The form's fields filled from an existing block, for its edit form. */
	static BlockForm of(Block block, JsonMapper json) {
		return switch (block) {
			case Block.Text t -> new BlockForm("text", t.markdown(), null, null, null, null, null, null, null, null, null);
			case Block.Image i -> new BlockForm("image", null, i.media(), i.alt(), i.caption(), null, null, null, null, null, null);
			case Block.Video v -> new BlockForm("video", null, v.media(), null, null, v.url(), v.title(), v.transcript(), null,
					null, null, rangeStart(v.range()), rangeEnd(v.range()));
			case Block.Audio a -> new BlockForm("audio", null, a.media(), null, null, null, a.title(), a.transcript(), null,
					null, null, rangeStart(a.range()), rangeEnd(a.range()));
			case Block.Resources r -> new BlockForm("resources", null, null, null, null, null, null, null,
					String.join("\n", r.items().stream()
						.map(item -> item.title() + " | " + (item.url() != null ? item.url() : "media:" + item.media()))
						.toList()), null, null);
			case Block.Question q -> new BlockForm("interaction", null, null, null, null, null, null, null, null,
					json.writerWithDefaultPrettyPrinter().writeValueAsString(q.interaction()), QuestionForm.of(q.interaction()));
		};
	}

	private Interaction interaction(JsonMapper json) {
		if (interaction == null || interaction.isBlank()) {
			throw new InvalidValueException("authoring.refused.write-interaction-lesson-format-docs-lesson");
		}
		try {
			return json.readValue(interaction, Interaction.class);
		}
		catch (ValueInstantiationException e) {
			// A value refused the interaction, or a value type failed: a bug, whose message is not for the author.
			var broken = e.getCause() instanceof InvalidValueException rule ? rule : null;
			if (broken == null) {
				throw e;
			}
			throw new InvalidValueException("authoring.refused.interaction-not-valid", broken.getMessage());
		}
		catch (JacksonException e) {
			throw new InvalidValueException("authoring.refused.interaction-not-valid", e.getOriginalMessage());
		}
	}

	/** The same form with its question changed; nothing else of an interaction's form counts. */
	BlockForm with(QuestionForm changed) {
		return new BlockForm(kind, null, null, null, null, null, null, null, null, null, changed);
	}

	/** The same form with another media file, as uploaded with it. */
	BlockForm withMedia(String uploaded) {
		return new BlockForm(kind, markdown, uploaded, alt, caption, null, title, transcript, links, interaction,
				question, rangeStart, rangeEnd);
	}

	private @Nullable MediaRange range() {
		var start = blankToNull(rangeStart);
		var end = blankToNull(rangeEnd);
		if (start == null && end == null) {
			return null;
		}
		if (start == null || end == null) {
			throw new InvalidValueException("authoring.refused.part-file-play-needs-both-start");
		}
		return new MediaRange(seconds(start, "start"), seconds(end, "end"));
	}

	/** Seconds, as {@code 75}, {@code 75.5}, {@code 1:15} or {@code 1:01:15}. */
	private static double seconds(String value, String which) {
		if (!value.matches("(\\d{1,2}:){0,2}\\d{1,5}(\\.\\d{1,3})?")) {
			throw new InvalidValueException("authoring.refused.part-play-time-such-75-75", which, value);
		}
		var seconds = 0.0;
		for (var part : value.split(":")) {
			seconds = seconds * 60 + Double.parseDouble(part);
		}
		return seconds;
	}

	private static @Nullable String rangeStart(@Nullable MediaRange range) {
		return range == null ? null : MediaRange.seconds(range.start());
	}

	private static @Nullable String rangeEnd(@Nullable MediaRange range) {
		return range == null ? null : MediaRange.seconds(range.end());
	}

	private java.util.List<Block.Resource> resources() {
		var items = new ArrayList<Block.Resource>();
		for (var line : (links == null ? "" : links).split("\n")) {
			if (line.isBlank()) {
				continue;
			}
			var parts = line.split("\\|", 2);
			if (parts.length != 2) {
				throw new InvalidValueException("authoring.refused.write-each-resource-title-https-own");
			}
			var target = parts[1].strip();
			items.add(target.startsWith("media:") ? new Block.Resource(parts[0].strip(), null, target.substring(6))
					: new Block.Resource(parts[0].strip(), target, null));
		}
		return items;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
