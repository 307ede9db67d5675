package io.morsel.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.util.ArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The cuts placed by sentence embeddings ({@link EmbeddingCuts}, measured by bench/segmentation) against the same
 * transcripts and measures as {@link SegmentationQualityTests}: they must score no worse than the lexical cuts they
 * start from, and stay under the same bar. Morsel itself cuts by words (ADR 0024, follow-up); this keeps the embedding
 * variant's quality known. {@link EmbeddingCuts#REACH} and {@link EmbeddingCuts#WINDOW} were chosen on these same
 * transcripts, so the margin over the words is no evidence of its own.
 */
class EmbeddingCutsQualityTests {

	@Test
	void embeddingsPlaceTheCutsNoWorseThanWords() throws IOException {
		var cuts = new EmbeddingCuts(EmbeddingCuts.Embedder.of(new AllMiniLmL6V2QuantizedEmbeddingModel()));

		assertThat(meanScore(cuts, "langchain4j")).isLessThanOrEqualTo(meanScore(null, "words"))
			.isLessThanOrEqualTo(SegmentationQualityTests.MAX_PK);
	}

	/** Padded batches change the quantized model's figures a little (its activations are scaled per batch). */
	@Test
	void batchedEmbeddingsPlaceTheCutsNoWorseThanWords() throws Exception {
		try (var model = new BatchedMiniLm(2)) {
			assertThat(meanScore(new EmbeddingCuts(model), "batched")).isLessThanOrEqualTo(meanScore(null, "words"))
				.isLessThanOrEqualTo(SegmentationQualityTests.MAX_PK);
		}
	}

	/** The mean of Pk and WindowDiff over the webinars, of the lexical cuts moved by {@code cuts}, or as they are. */
	private static double meanScore(@Nullable EmbeddingCuts cuts, String way) throws IOException {
		var scores = new ArrayList<Double>();
		for (var webinar : SegmentationQualityTests.WEBINARS) {
			var text = SegmentationQualityTests.text(webinar);
			var segmentation = SegmentationQualityTests.SEGMENTER.propose(TranscriptFormat.TEXT.read(text),
					SegmentationQualityTests.EVALUATION);
			var sentences = segmentation.sentences();
			var reference = SegmentationQualityTests.reference(text, sentences);
			var starts = cuts == null ? segmentation.starts()
					: cuts.place(sentences, segmentation.starts(), SegmentationQualityTests.EVALUATION.minMillis(),
							SegmentationQualityTests.EVALUATION.maxMillis()).starts();
			var n = sentences.size();
			var pk = SegmentationScores.pk(reference, starts, n);
			var windowDiff = SegmentationScores.windowDiff(reference, starts, n);
			System.out.printf("%-10s %-22s Pk %.3f WindowDiff %.3f%n", way, webinar, pk, windowDiff);
			scores.add((pk + windowDiff) / 2);
		}
		var mean = scores.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
		System.out.printf("%-10s mean of Pk and WindowDiff %.3f%n", way, mean);
		return mean;
	}
}
