package io.morsel.catalog;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.morsel.shared.InvalidValueException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One step of a lesson, shown in order. Media are referred to by the id of an uploaded file of the organisation
 * ({@code media}) or, for video, by an external {@code url}. Transcripts of video and audio are WebVTT documents.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = Block.Text.class, name = "text"),
		@JsonSubTypes.Type(value = Block.Image.class, name = "image"),
		@JsonSubTypes.Type(value = Block.Video.class, name = "video"),
		@JsonSubTypes.Type(value = Block.Audio.class, name = "audio"),
		@JsonSubTypes.Type(value = Block.Resources.class, name = "resources"),
		@JsonSubTypes.Type(value = Block.Question.class, name = "interaction") })
public sealed interface Block {

	/** Rich text in Markdown; rendered without raw HTML. */
	record Text(String markdown) implements Block {

		public Text {
			Checks.text(markdown, "text", 20_000);
		}
	}

	/** An image; its alternative text is required, for learners who cannot see it. */
	record Image(String media, String alt, @Nullable String caption) implements Block {

		public Image {
			Checks.text(media, "image", 200);
			Checks.text(alt, "alternative text of the image", 500);
		}
	}

	/**
	 * A video, uploaded or linked ({@link HostedVideo}: YouTube, Vimeo or a provider the organisation added), with its
	 * transcript: captions in our player, and beside any player to read (and, in ours, to seek). With a {@code range},
	 * only that stretch of an uploaded file plays and only its cues are shown.
	 */
	record Video(@Nullable String media, @Nullable String url, String title, String transcript,
			@Nullable MediaRange range) implements Block {

		public Video(@Nullable String media, @Nullable String url, String title, String transcript) {
			this(media, url, title, transcript, null);
		}

		public Video {
			if ((media == null) == (url == null)) {
				throw new InvalidValueException("catalog.refused.video-either-uploaded-file-url");
			}
			if (url != null) {
				HostedVideo.parse(url);
				if (range != null) {
					throw new InvalidValueException("catalog.refused.range-plays-part-uploaded-file-linked");
				}
			}
			Checks.text(title, "video title", 200);
			Transcripts.check(transcript);
		}
	}

	/** An audio clip with its transcript; with a {@code range}, only that stretch of the file plays. */
	record Audio(String media, String title, String transcript, @Nullable MediaRange range) implements Block {

		public Audio(String media, String title, String transcript) {
			this(media, title, transcript, null);
		}

		public Audio {
			Checks.text(media, "audio", 200);
			Checks.text(title, "audio title", 200);
			Transcripts.check(transcript);
		}
	}

	/** Further resources: links and downloads. */
	record Resources(List<Resource> items) implements Block {

		public Resources {
			if (items == null || items.isEmpty()) {
				throw new InvalidValueException("catalog.refused.resources-block-needs-least-resource");
			}
			items = List.copyOf(items);
		}
	}

	/** A link ({@code url}) or a download ({@code media}). */
	record Resource(String title, @Nullable String url, @Nullable String media) {

		public Resource {
			Checks.text(title, "resource title", 200);
			if ((url == null) == (media == null)) {
				throw new InvalidValueException("catalog.refused.resource-either-link-download");
			}
			if (url != null && !url.matches("https?://\\S{1,1990}")) {
				throw new InvalidValueException("catalog.refused.resource-link-must-http-s-url");
			}
		}
	}

	/** An interaction the learner answers. */
	@Schema(name = "InteractionBlock")
	record Question(Interaction interaction) implements Block {

		public Question {
			if (interaction == null) {
				throw new InvalidValueException("catalog.refused.interaction-block-needs-interaction");
			}
		}
	}
}
