package io.morsel.authoring;

import io.morsel.catalog.Block;
import org.springframework.stereotype.Component;

/** One line that tells blocks apart in the editor's list ({@code ${@blockSummaries.line(block)}}). */
@Component("blockSummaries")
public class BlockSummaries {

	public String line(Block block) {
		var line = switch (block) {
			case Block.Text text -> text.markdown();
			case Block.Image image -> image.alt();
			case Block.Video video -> video.title();
			case Block.Audio audio -> audio.title();
			case Block.Resources resources -> resources.items().getFirst().title();
			case Block.Question question -> question.interaction().prompt();
		};
		var first = line.strip().split("\n", 2)[0];
		return first.length() > 90 ? first.substring(0, 89) + "…" : first;
	}
}
