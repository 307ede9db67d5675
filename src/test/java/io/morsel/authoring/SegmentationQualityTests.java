package io.morsel.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The segmenter against transcripts written for this test, each a webinar of five topics whose boundaries we know
 * (the {@code ---} lines of src/test/resources/authoring/segmentation/*.md), scored by Pk and WindowDiff and held to
 * beat cutting the same recording into as many equal parts (which knows how many topics there are; the segmenter
 * does not). Their topics run one to two minutes (at 150 words a minute), so the evaluation allows segments from 45
 * seconds; lessons are cut from two minutes. The block size and cutoff of {@link TextTiling.Settings} were chosen on
 * these same transcripts: the figures show the method works here, not how it generalises.
 */
class SegmentationQualityTests {

	static final List<String> WEBINARS = List.of("support-webinar.md", "coffee-webinar.md", "freelance-webinar.md");

	/** Found with these transcripts; a change to the segmenter that scores worse fails here. */
	static final double MAX_PK = 0.22;
	static final double MAX_WINDOW_DIFF = 0.22;

	static final TranscriptSegmenter SEGMENTER = new TranscriptSegmenter(new ObjectiveLinter());

	static final TextTiling.Settings EVALUATION = new TextTiling.Settings(45_000, 7 * 60_000,
			TextTiling.Settings.BLOCK_TERMS, TextTiling.Settings.CUTOFF);

	record Scores(double pk, double windowDiff, double baselinePk, double baselineWindowDiff) {
	}

	@Test
	void findsTopicBoundariesBetterThanAnEvenSplit() throws IOException {
		var all = new ArrayList<Scores>();
		for (var webinar : WEBINARS) {
			var scores = score(webinar);
			System.out.printf("%-22s Pk %.3f (even split %.3f)  WindowDiff %.3f (even split %.3f)%n", webinar,
					scores.pk(), scores.baselinePk(), scores.windowDiff(), scores.baselineWindowDiff());
			all.add(scores);
		}
		var pk = all.stream().mapToDouble(Scores::pk).average().orElseThrow();
		var windowDiff = all.stream().mapToDouble(Scores::windowDiff).average().orElseThrow();
		var baselinePk = all.stream().mapToDouble(Scores::baselinePk).average().orElseThrow();
		var baselineWindowDiff = all.stream().mapToDouble(Scores::baselineWindowDiff).average().orElseThrow();
		System.out.printf("%-22s Pk %.3f (even split %.3f)  WindowDiff %.3f (even split %.3f)%n", "mean", pk,
				baselinePk, windowDiff, baselineWindowDiff);

		assertThat(pk).isLessThan(baselinePk).isLessThanOrEqualTo(MAX_PK);
		assertThat(windowDiff).isLessThan(baselineWindowDiff).isLessThanOrEqualTo(MAX_WINDOW_DIFF);
	}

	@Test
	void keepsATalkOnOneTopicInOneLesson() throws IOException {
		var segmentation = SEGMENTER.propose(TranscriptFormat.TEXT.read(text("single-topic.md")), 7 * 60_000L);

		assertThat(segmentation.segments()).hasSize(1);
		assertThat(segmentation.segments().getFirst().title()).startsWith("Bug report and ");
		assertThat(segmentation.segments().getFirst().objective()).isEqualTo("Explain bug report");
	}

	static Scores score(String webinar) throws IOException {
		var text = text(webinar);
		var segmentation = SEGMENTER.propose(TranscriptFormat.TEXT.read(text), EVALUATION);
		var sentences = segmentation.sentences();
		var reference = reference(text, sentences);
		var hypothesis = segmentation.starts();
		var even = SegmentationScores.evenSplit(sentences, reference.size());
		var n = sentences.size();
		return new Scores(SegmentationScores.pk(reference, hypothesis, n),
				SegmentationScores.windowDiff(reference, hypothesis, n), SegmentationScores.pk(reference, even, n),
				SegmentationScores.windowDiff(reference, even, n));
	}

	/** The sentence each topic starts at: the one its first paragraph opens with. */
	static List<Integer> reference(String text, List<SpokenSentence> sentences) {
		var starts = new ArrayList<Integer>();
		for (var topic : text.split("\n---\n")) {
			var opening = topic.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).findFirst().orElseThrow();
			var words = opening.substring(0, 30);
			var at = 0;
			while (!sentences.get(at).text().startsWith(words)) {
				at++;
			}
			starts.add(at);
		}
		return starts;
	}

	static String text(String name) throws IOException {
		try (var in = SegmentationQualityTests.class.getResourceAsStream("/authoring/segmentation/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}
}
