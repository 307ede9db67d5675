package io.morsel.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import io.morsel.support.Api;
import io.morsel.support.Eventually;
import java.time.Duration;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A lesson is written to the index by its words at once and gets its vectors later: a lesson published after a bulk
 * publish is found by its words within a second or two, not after every lesson before it has been embedded, and search
 * keeps ranking by meaning meanwhile.
 */
@MorselIntegrationTest
class SearchBehindEmbeddingTests {

	/** Published to the learner, searched, answered: a second or two on these busy cores. */
	private static final Duration FOUND_WITHIN = Duration.ofSeconds(2);

	@LocalServerPort
	int port;

	@Autowired
	Search search;

	@Autowired
	SearchIndex index;

	@Autowired
	ChangeLog changes;

	@Autowired
	ChangeFollower follower;

	@BeforeEach
	void setUp() {
		Indexed.await(changes, follower);
		Indexed.awaitMeaning(search, index);
	}

	@Test
	void aLessonPublishedBehindABulkPublishIsFoundByItsWordsAtOnce() {
		var api = Api.on(port);
		var random = new Random(42);
		// The bulk: another organisation's long lessons, some hundreds of passages to embed (many seconds of work).
		var globexAuthor = api.token("author@globex.test", "globex");
		var before = changes.last();
		for (int n = 0; n < 10; n++) {
			Authored.published(api, globexAuthor, "Harbour drill " + n + " " + word(random), paragraphs(random, 50));
		}
		Eventually.await(() -> follower.appliedChange() >= before + 10 && index.countAwaitingVectors() > 0);

		var author = api.token("author@acme.test", "acme");
		var learner = api.token("learner@acme.test", "acme");
		var word = word(random);
		var lesson = Authored.published(api, author, "Tide tables " + word,
				"Read the " + word + " column before you set out.");
		var published = System.nanoTime();
		var until = published + FOUND_WITHIN.toNanos();
		while (!api.get(learner, "/api/v1/search?q=" + word).getBody().contains(lesson)) {
			assertThat(System.nanoTime()).as("found within %s of publishing", FOUND_WITHIN).isLessThan(until);
			pause();
		}

		// Found while the bulk still waited for its vectors, and search still ranked by meaning: nothing waited
		// behind the backlog, and the backlog did not turn search lexical.
		assertThat(index.countAwaitingVectors()).isPositive();
		assertThat(search.semantic()).isTrue();
		// The lessons get their vectors in the end, the new one too.
		Indexed.awaitMeaning(search, index);
		assertThat(api.get(learner, "/api/v1/search?q=" + word).getBody()).contains(lesson);
	}

	/** A made-up word, so that only the lesson that holds it matches. */
	private static String word(Random random) {
		return "tarn" + random.ints(6, 'a', 'z' + 1).mapToObj(c -> String.valueOf((char) c)).collect(Collectors.joining());
	}

	private static String paragraphs(Random random, int count) {
		return IntStream.range(0, count)
			.mapToObj(i -> "Step " + i + " of the drill: coil the " + word(random) + " rope, check the buoy marked "
					+ word(random) + " and log the tide at " + (i % 12 + 1) + " o'clock.")
			.collect(Collectors.joining("\n\n"));
	}

	private static void pause() {
		try {
			Thread.sleep(20);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError(e);
		}
	}
}
