package io.morsel.catalog.web;

import io.morsel.catalog.Block;
import io.morsel.catalog.HostedVideo;
import io.morsel.catalog.MediaRange;
import io.morsel.catalog.Transcripts;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What templates need to show a lesson block ({@code catalog/blocks :: block}, {@code ${@blocks.kind(block)}},
 * {@code ${@blocks.cues(vtt)}}).
 */
@Component("blocks")
class Blocks {

	public String kind(Block block) {
		return switch (block) {
			case Block.Text text -> "text";
			case Block.Image image -> "image";
			case Block.Video video -> "video";
			case Block.Audio audio -> "audio";
			case Block.Resources resources -> "resources";
			case Block.Question question -> "interaction";
		};
	}

	/** Where a linked video plays (its provider's player); null for an uploaded one. */
	public @Nullable HostedVideo hosted(Block.Video video) {
		return video.url() == null ? null : HostedVideo.parse(video.url());
	}

	public List<Transcripts.Cue> cues(String webVtt) {
		return Transcripts.cues(webVtt);
	}

	/** The cues heard within the part of the file that plays: all of them when the whole file plays. */
	public List<Transcripts.Cue> cues(String webVtt, @Nullable MediaRange range) {
		var cues = Transcripts.cues(webVtt);
		return range == null ? cues
				: cues.stream().filter(cue -> range.overlaps(cue.startMillis(), cue.endMillis())).toList();
	}

	/** The media fragment that plays only the block's part of its file ({@code #t=start,end}), or nothing. */
	public String fragment(@Nullable MediaRange range) {
		return range == null ? "" : range.fragment();
	}
}
