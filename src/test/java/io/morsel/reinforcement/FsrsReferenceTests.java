package io.morsel.reinforcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Morsel's FSRS-6 against the reference implementation, ts-fsrs 5 (pinned in src/test/node/fsrs): hand-picked and
 * seeded random review histories replayed through both with fuzz off, compared after every review. State and due
 * time (to the millisecond) must be identical, stability and difficulty within a relative 1e-6.
 */
class FsrsReferenceTests {

	static final int RANDOM_HISTORIES = 400;
	static final long SEED = 20261130;
	static final double TOLERANCE = 1e-6;
	static final List<CardState> STATES = List.of(CardState.values());

	@Test
	void schedulesEveryReviewAsTsFsrsDoes() throws Exception {
		var histories = ReviewHistories.all(RANDOM_HISTORIES, SEED);
		var folder = ReferenceScheduler.installed();
		Files.writeString(folder.resolve("histories.json"), ReviewHistories.json(histories));
		ReferenceScheduler.run(folder, 300, "node", "replay.mjs", "histories.json", "cards.json");
		var expected = JsonMapper.builder().build().readTree(Files.readString(folder.resolve("cards.json")));

		var mismatches = new ArrayList<String>();
		int reviews = 0;
		double largestError = 0;
		for (int h = 0; h < histories.size(); h++) {
			var history = histories.get(h);
			var actual = new Fsrs(history.parameters()).replay(history.reviews());
			for (int r = 0; r < actual.size(); r++) {
				reviews++;
				JsonNode reference = expected.get(h).get(r);
				var card = actual.get(r);
				var where = "history " + h + " (" + history.name() + "), review " + (r + 1) + " of "
						+ actual.size() + " (" + history.reviews().get(r) + ")";
				var state = STATES.get(reference.get(0).asInt());
				if (card.state() != state) {
					mismatches.add(where + ": state " + card.state() + ", reference " + state);
				}
				long due = reference.get(1).asLong();
				if (card.due().toEpochMilli() != due) {
					mismatches.add(where + ": due " + card.due() + ", reference " + Instant.ofEpochMilli(due));
				}
				if (card.scheduledDays() != reference.get(4).asInt()) {
					mismatches.add(where + ": scheduled days " + card.scheduledDays() + ", reference "
							+ reference.get(4).asInt());
				}
				double stabilityError = relative(card.stability(), reference.get(2).asDouble());
				double difficultyError = relative(card.difficulty(), reference.get(3).asDouble());
				largestError = Math.max(largestError, Math.max(stabilityError, difficultyError));
				if (stabilityError > TOLERANCE) {
					mismatches.add(where + ": stability " + card.stability() + ", reference " + reference.get(2));
				}
				if (difficultyError > TOLERANCE) {
					mismatches.add(where + ": difficulty " + card.difficulty() + ", reference " + reference.get(3));
				}
			}
		}
		System.out.printf("FSRS reference check: %d histories, %d reviews, largest relative error %s, %d mismatches%n",
				histories.size(), reviews, largestError, mismatches.size());
		assertThat(mismatches.subList(0, Math.min(30, mismatches.size())))
			.as("differences from ts-fsrs (the first 30 of %d)", mismatches.size())
			.isEmpty();
		assertThat(reviews).isGreaterThan(5000);
	}

	private static double relative(double actual, double expected) {
		if (actual == expected) {
			return 0;
		}
		return Math.abs(actual - expected) / Math.max(Math.abs(expected), Double.MIN_NORMAL);
	}
}
