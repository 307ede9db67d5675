package io.morsel.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import io.morsel.catalog.Lessons;
import io.morsel.identity.Directory;
import io.morsel.support.Api;
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

	@BeforeEach
	void setUp() {
		Indexed.await(changes, follower);
		Indexed.awaitMeaning(search);
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
}
