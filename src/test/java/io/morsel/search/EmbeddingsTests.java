package io.morsel.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Indexing embeds passages in small batches with pauses between them (so requests win the CPU): a lesson's passages
 * still get each its own vector, in order, the same as embedding them one by one. A query's vector is kept, and what a
 * caller does with the vector it got never changes the one kept.
 */
class EmbeddingsTests {

	private static Embeddings embeddings;

	@BeforeAll
	static void loadTheModel() throws InterruptedException {
		embeddings = new Embeddings(true, 1.0, java.time.Duration.ZERO);
		embeddings.start();
		var until = System.nanoTime() + 120_000_000_000L;
		while (!embeddings.ready() && System.nanoTime() < until) {
			Thread.sleep(50);
		}
		assertThat(embeddings.ready()).as("the model loads").isTrue();
	}

	@Test
	void batchesWithPausesGiveEveryPassageItsOwnVectorInOrder() {
		var passages = IntStream.range(0, Embeddings.BATCH * 2 + 1)
			.mapToObj(i -> List.of("Renew the contract before the quarter ends", "Reset a forgotten password",
					"Share the dashboard with the finance team").get(i % 3) + " (" + i + ")")
			.toList();

		var batched = embeddings.embedAll(passages).orElseThrow();

		assertThat(batched).hasSize(passages.size());
		for (int i = 0; i < passages.size(); i++) {
			assertThat(batched.get(i)).as(passages.get(i)).containsExactly(embeddings.embed(passages.get(i)).orElseThrow(),
					Offset.offset(1e-4f));
		}
	}

	@Test
	void aQueryAskedAgainGetsTheVectorItGotFirstWhateverTheFirstCallerDidWithIt() {
		var first = embeddings.embed("how do I approve a discount").orElseThrow();
		var asMade = first.clone();
		java.util.Arrays.fill(first, 0f);

		var again = embeddings.embed("how do I approve a discount").orElseThrow();
		var other = embeddings.embed("how do I reset a password").orElseThrow();

		assertThat(again).containsExactly(asMade);
		assertThat(other).isNotEqualTo(asMade);
		assertThat(norm(again)).isCloseTo(1.0, Offset.offset(1e-4));
	}

	private static double norm(float[] vector) {
		double sum = 0;
		for (float v : vector) {
			sum += v * v;
		}
		return Math.sqrt(sum);
	}
}
