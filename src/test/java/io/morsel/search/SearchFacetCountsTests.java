package io.morsel.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import io.morsel.identity.Directory;
import io.morsel.identity.OrganisationId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A facet's count is what choosing it finds: the learner who narrows a search by a length or a skill gets as many
 * lessons as the facet said, the total is every lesson found, and choosing a content type leaves the other types'
 * counts as they were, so the learner still sees what each would find. Counted by words alone, which a loaded model
 * does not change.
 */
@MorselIntegrationTest
class SearchFacetCountsTests {

	private static final List<String> QUERIES = List.of("report", "dashboard filter", "customer success",
			"dashbaord", "\"region equals\"");

	@Autowired
	Search search;

	@Autowired
	Directory directory;

	@Autowired
	ChangeLog changes;

	@Autowired
	ChangeFollower follower;

	OrganisationId acme;

	@BeforeEach
	void indexed() {
		acme = directory.organisation("acme").orElseThrow();
		Indexed.await(changes, follower);
	}

	private SearchResults find(String query, String skill, ContentKind type, LessonLength duration) {
		return search.find(acme, new SearchRequest(query, null, skill, type, duration, SearchRequest.MAX_LIMIT, 0),
				false);
	}

	@Test
	void theTotalIsEveryLessonFoundAndEachLengthCountsItsOwn() {
		for (var query : QUERIES) {
			var all = find(query, null, null, null);

			assertThat(all.total()).as(query).isPositive();
			assertThat(all.results()).as(query).hasSize((int) Math.min(all.total(), SearchRequest.MAX_LIMIT));
			assertThat(all.facets().duration().stream().mapToLong(SearchResults.Count::count).sum()).as(query)
				.isEqualTo(all.total());
			for (var length : all.facets().duration()) {
				assertThat(find(query, null, null, LessonLength.of(length.value())).total()).as(query + " " + length)
					.isEqualTo(length.count());
			}
		}
	}

	@Test
	void eachSkillCountsWhatChoosingItFinds() {
		for (var query : QUERIES) {
			for (var skill : find(query, null, null, null).facets().skill()) {
				assertThat(find(query, skill.value(), null, null).total()).as(query + " " + skill)
					.isEqualTo(skill.count());
			}
		}
	}

	@Test
	void choosingAContentTypeKeepsEveryTypesCount() {
		for (var query : QUERIES) {
			var types = find(query, null, null, null).facets().type();
			for (var type : types) {
				var narrowed = find(query, null, ContentKind.of(type.value()).orElseThrow(), null);

				assertThat(narrowed.facets().type()).as(query + " " + type).containsExactlyInAnyOrderElementsOf(types);
				assertThat(narrowed.total()).as(query + " " + type).isPositive();
			}
		}
	}

	@Test
	void pastTheBoundTheTotalSaysAtLeastAndTheFacetsCountTheLessonsCounted() {
		var request = new SearchRequest("report", null, null, null, null, 5, 0);
		var exact = search.find(acme, request, false);
		assertThat(exact.totalIsExact()).isTrue();
		assertThat(exact.total()).isGreaterThan(3);

		var bounded = search.find(acme, request, false, 3);

		assertThat(bounded.totalIsExact()).isFalse();
		assertThat(bounded.total()).isEqualTo(3).isLessThan(exact.total());
		assertThat(bounded.facets().duration().stream().mapToLong(SearchResults.Count::count).sum()).isEqualTo(3);
		assertThat(bounded.results()).isEqualTo(exact.results());
	}

	@Test
	void withinTheBoundTheTotalIsExact() {
		var request = new SearchRequest("report", null, null, null, null, 5, 0);
		var total = search.find(acme, request, false).total();

		var bounded = search.find(acme, request, false, (int) total);

		assertThat(bounded.totalIsExact()).isTrue();
		assertThat(bounded.total()).isEqualTo(total);
	}
}
