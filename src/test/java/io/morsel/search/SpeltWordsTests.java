package io.morsel.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import io.morsel.identity.Directory;
import io.morsel.support.Api;
import io.morsel.support.Eventually;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Typo tolerance is for words no lesson holds: a word spelt as some lesson holds it finds that lesson and not the
 * lessons holding a word one letter away ("form" does not also find "from"), while a misspelling of it still finds
 * it. By words alone: a loaded model would bring near-spelt lessons in by meaning, which is another matter.
 */
@MorselIntegrationTest
class SpeltWordsTests {

	/** Letters the English stemmer leaves alone at a word's end, so the words are indexed as written. */
	private static final String LETTERS = "bcdfghjklmnpqrtvwxz";

	@LocalServerPort
	int port;

	@Autowired
	Search search;

	@Autowired
	Directory directory;

	@Autowired
	ChangeLog changes;

	@Autowired
	ChangeFollower follower;

	@Test
	void aWordSomeLessonHoldsFindsItAloneAndNotItsNearWords() {
		var random = new Random();
		var word = new StringBuilder("vrk");
		for (int i = 0; i < 4; i++) {
			word.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
		}
		var held = word.toString();
		var oneLetterAway = held.substring(0, 6) + other(held.charAt(6));
		var misspelt = held.substring(0, 5) + other(held.charAt(5)) + held.charAt(6);
		var api = Api.on(port);
		var author = api.token("author@globex.test", "globex");
		var spelt = Authored.published(api, author, "Spelt " + held, "Only this lesson says " + held + ".");
		var near = Authored.published(api, author, "Near " + oneLetterAway,
				"Only this lesson says " + oneLetterAway + ".");
		Indexed.await(changes, follower);
		var globex = directory.organisation("globex").orElseThrow();
		Eventually.await(() -> search.find(globex, new SearchRequest(oneLetterAway, null, null, null, 10, 0), false)
			.results()
			.stream()
			.anyMatch(r -> r.lessonId().toString().equals(near)));

		var found = search.find(globex, new SearchRequest(held, null, null, null, 10, 0), false);
		assertThat(found.results()).extracting(r -> r.lessonId().toString()).containsExactly(spelt);
		assertThat(found.total()).isEqualTo(1);
		var typo = search.find(globex, new SearchRequest(misspelt, null, null, null, 10, 0), false);
		assertThat(typo.results()).extracting(r -> r.lessonId().toString()).contains(spelt);
	}

	/** A letter of {@link #LETTERS} other than {@code letter}. */
	private static char other(char letter) {
		var at = LETTERS.indexOf(letter);
		return LETTERS.charAt((at + 1) % LETTERS.length());
	}
}
