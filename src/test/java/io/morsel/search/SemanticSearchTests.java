package io.morsel.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import io.morsel.catalog.Lessons;
import io.morsel.identity.Directory;
import io.morsel.support.Api;
import io.morsel.support.Eventually;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * Once the model has loaded and every passage has its vector, search ranks by meaning as well as by words: a learner
 * who says it otherwise finds the lesson first, a query nothing is about still finds nothing, and meaning never
 * crosses into another organisation.
 */
@MorselIntegrationTest
class SemanticSearchTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	Search search;

	@Autowired
	ChangeLog changes;

	@Autowired
	ChangeFollower follower;

	@Autowired
	Directory directory;

	@Autowired
	Lessons lessons;

	@Autowired
	SearchIndex index;

	@Autowired
	Embeddings embeddings;

	@BeforeEach
	void setUp() {
		Indexed.await(changes, follower);
		Indexed.awaitMeaning(search, index);
	}

	@Test
	void aLearnerWhoSaysItOtherwiseFindsTheLessonFirst() {
		var api = Api.on(port);
		var learner = api.token("learner@acme.test", "acme");
		var query = "explain the value to a CFO in one line";
		var acme = directory.organisation("acme").orElseThrow();

		var found = JSON.readTree(api.get(learner, "/api/v1/search?q=" + query).getBody());

		assertThat(found.at("/results/0/title").asString()).isEqualTo("Say what Forecasting changes");
		// By its words alone it came third.
		assertThat(search.find(acme, new SearchRequest(query, null, null, null, 10, 0), false).results().getFirst().title())
			.isNotEqualTo("Say what Forecasting changes");
	}

	@Test
	void aQueryNothingIsAboutFindsNoMoreByMeaningThanByWords() {
		var acme = directory.organisation("acme").orElseThrow();
		var request = new SearchRequest("giraffes playing the saxophone on a volcano", null, null, null, 10, 0);

		assertThat(search.find(acme, request, true).total()).isEqualTo(search.find(acme, request, false).total());
	}

	@Test
	void aQueryAskedAgainIsNotEmbeddedAgainAndFindsTheSame() {
		var api = Api.on(port);
		var learner = api.token("learner@acme.test", "acme");
		var admin = api.token("admin@acme.test", "acme");
		var query = "how to say in one line what forecasting is worth " + System.nanoTime();
		var before = queryVectorGets(api.get(admin, "/actuator/prometheus").getBody());

		var first = JSON.readTree(api.get(learner, "/api/v1/search?q=" + query).getBody());
		var afterFirst = queryVectorGets(api.get(admin, "/actuator/prometheus").getBody());
		var again = JSON.readTree(api.get(learner, "/api/v1/search?q=" + query).getBody());
		var afterAgain = queryVectorGets(api.get(admin, "/actuator/prometheus").getBody());

		assertThat(afterFirst.misses() - before.misses()).as("the new query is embedded").isEqualTo(1);
		assertThat(afterAgain.misses() - afterFirst.misses()).as("asked again, it is not").isZero();
		assertThat(afterAgain.hits() - afterFirst.hits()).as("its vector was kept").isEqualTo(1);
		assertThat(again.get("results")).isEqualTo(first.get("results"));
		assertThat(first.get("results")).isNotEmpty();
	}

	/** The query vectors' cache gets so far, from the node's metrics. */
	private static Gets queryVectorGets(String metrics) {
		return new Gets(count(metrics, "hit"), count(metrics, "miss"));
	}

	private static double count(String metrics, String result) {
		var matcher = java.util.regex.Pattern
			.compile("cache_gets_total\\{cache=\"query-vectors\",.*result=\"" + result + "\".*} (\\S+)")
			.matcher(metrics);
		assertThat(matcher.find()).as(metrics).isTrue();
		return Double.parseDouble(matcher.group(1));
	}

	private record Gets(double hits, double misses) {
	}

	@Test
	void meaningNeverFindsAnotherOrganisationsLessons() {
		for (var slug : List.of("acme", "globex")) {
			var organisation = directory.organisation(slug).orElseThrow();
			var own = lessons.published(organisation).stream().map(l -> l.id().value()).toList();
			for (var query : List.of("make my aims testable", "what to pass on after closing a sale",
					"customer says predictions are always wrong", "only show the rows I care about")) {
				var found = search.find(organisation, new SearchRequest(query, null, null, null, 50, 0), true);
				assertThat(found.results()).as(slug + ": " + query)
					.allSatisfy(r -> assertThat(own).contains(r.lessonId()));
			}
		}
	}

	@Test
	void aLessonHoldingTheExactPhraseOutranksLessonsThatShareOneWordAndAreNearInMeaning() {
		var api = Api.on(port);
		var author = api.token("author@acme.test", "acme");
		var acme = directory.organisation("acme").orElseThrow();
		var before = changes.last();
		// Lessons about how software learns: near "machine learning" in meaning, sharing only "learning".
		var distractors = List.of(
				Authored.published(api, author, "Deep learning from labelled examples",
						"Deep learning trains a neural network on many labelled examples until its predictions improve."),
				Authored.published(api, author, "Learning rates for neural networks",
						"A learning algorithm adjusts the weights of a neural network after every batch of training data."),
				Authored.published(api, author, "Supervised learning of patterns",
						"Supervised learning lets software recognise patterns in data it has never seen before."));
		Eventually.await(() -> changes.last() >= before + distractors.size()
				&& follower.appliedChange() >= changes.last());
		Indexed.awaitMeaning(search, index);
		// The demo lesson that holds the phrase, in one of its question's options: "It uses machine learning on all
		// our data."
		var holder = "Say what Forecasting changes";
		var request = new SearchRequest("machine learning", null, null, null, 10, 0);
		var titles = lessons.published(acme)
			.stream()
			.collect(java.util.stream.Collectors.toMap(l -> l.id().toString(), l -> l.title()));
		var byMeaning = index.read(searcher -> Meanings.find(searcher, acme, request,
				embeddings.embed(request.query()).orElseThrow()))
			.ranked()
			.stream()
			.map(titles::get)
			.toList();
		// The distractors are nearer in meaning than the lesson with the phrase: meaning alone would put them first.
		assertThat(byMeaning.indexOf(holder) < 0 ? byMeaning : byMeaning.subList(0, byMeaning.indexOf(holder)))
			.containsAnyOf("Deep learning from labelled examples", "Learning rates for neural networks",
					"Supervised learning of patterns");

		var found = search.find(acme, request, true).results();

		assertThat(found.getFirst().title()).isEqualTo(holder);
		assertThat(found.stream().map(SearchResults.Result::title)).contains("Deep learning from labelled examples");
	}
}
