package io.morsel.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import io.morsel.catalog.Block;
import io.morsel.catalog.Lessons;
import io.morsel.catalog.Transcripts;
import io.morsel.identity.Directory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo shows repurposing: Acme's studio has its twenty-minute webinar, cut into lesson drafts that each play their
 * own range of the recording, one after the other, none longer than seven minutes.
 */
@MorselIntegrationTest
class DemoRecordingTests {

	private static final Path RECORDINGS = Path.of("src/main/resources/demo/recordings");

	@Autowired
	Directory directory;

	@Autowired
	Repurposing repurposing;

	@Autowired
	Lessons lessons;

	@Test
	void acmesStudioHasTheWebinarCutIntoDraftsThatPlayTheirRanges() {
		var author = directory.member("author@acme.test", "acme").orElseThrow();
		var summary = repurposing.reviews(author)
			.stream()
			.filter(r -> r.name().equals(DemoRecording.NAME))
			.findFirst()
			.orElseThrow();
		var review = repurposing.review(author, summary.id());

		assertThat(review.media()).isNotNull();
		assertThat(review.media().contentType()).isEqualTo("audio/ogg");
		assertThat(review.lessons()).hasSize(review.segmentation().segments().size()).hasSizeGreaterThanOrEqualTo(3);
		var previousEnd = 0.0;
		for (var id : review.lessons()) {
			var draft = lessons.latest(author.organisationId(), id).orElseThrow();
			assertThat(draft.published()).isFalse();
			var audio = (Block.Audio) draft.content().blocks().getFirst();
			assertThat(audio.media()).isEqualTo(review.media().id().toString());
			assertThat(audio.range().start()).isEqualTo(previousEnd, org.assertj.core.data.Offset.offset(10.0));
			assertThat(audio.range().end() - audio.range().start()).isBetween(120.0, 7 * 60.0);
			assertThat(Transcripts.cues(audio.transcript()))
				.allSatisfy(cue -> assertThat(audio.range().overlaps(cue.startMillis(), cue.endMillis())).isTrue());
			previousEnd = audio.range().end();
		}
		assertThat(previousEnd).isGreaterThan(18 * 60.0);
	}

	@Test
	void theRecordingIsSmallAndAsLongAsItsTranscript() throws Exception {
		var audio = RECORDINGS.resolve(DemoRecording.FILE + ".ogg");
		var cues = Transcripts.cues(Files.readString(RECORDINGS.resolve(DemoRecording.FILE + ".vtt")));

		assertThat(Files.size(audio)).isLessThan(3_000_000);
		var seconds = MediaDurations.ogg(audio);
		assertThat(seconds).isPresent();
		assertThat(seconds.getAsLong() * 1000).isBetween(cues.getLast().endMillis(), cues.getLast().endMillis() + 3000);
		assertThat(seconds.getAsLong()).isBetween(18 * 60L, 24 * 60L);
	}
}
