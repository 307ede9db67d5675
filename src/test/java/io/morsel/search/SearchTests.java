package io.morsel.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import io.morsel.identity.Directory;
import io.morsel.identity.OrganisationId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What learners remember of the demo catalog finds the lesson, at the place they remember: a sentence from a video at
 * the second it is said, a question, an image, words of a skill or program; stemmed, misspelt, or quoted.
 */
@MorselIntegrationTest
class SearchTests {

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

	private SearchResults find(String query) {
		return search.find(acme, new SearchRequest(query, null, null, null, 10, 0));
	}

	@Test
	void aSentenceFromAVideoLinksToTheSecondItIsSaid() {
		var found = find("region equals north");

		var first = found.results().getFirst();
		assertThat(first.title()).isEqualTo("Build your first report");
		assertThat(first.kind()).isEqualTo(ContentKind.TRANSCRIPT);
		assertThat(first.seconds()).isEqualTo(10);
		assertThat(first.link()).isEqualTo("/lessons/" + first.lessonId() + "?step=1&t=10#step-1");
		assertThat(first.snippet()).contains("<mark>region</mark> <mark>equals</mark> <mark>North</mark>");
	}

	@Test
	void aQuestionIsFoundByItsOptionsWithoutGivingTheAnswerAway() {
		var found = find("machine learning");

		var first = found.results().getFirst();
		assertThat(first.title()).isEqualTo("Say what Forecasting changes");
		assertThat(first.kind()).isEqualTo(ContentKind.QUESTION);
		assertThat(first.link()).endsWith("?step=1#step-1");
		assertThat(first.snippet()).contains("<mark>machine</mark> <mark>learning</mark>");
	}

	@Test
	void anImageIsFoundByItsAlternativeText() {
		var first = find("three boxes side by side").results().getFirst();

		assertThat(first.title()).isEqualTo("Find your way around the workspace");
		assertThat(first.kind()).isEqualTo(ContentKind.IMAGE);
		assertThat(first.link()).endsWith("?step=1#step-1");
	}

	@Test
	void wordsAreStemmedSoOtherFormsOfThemMatch() {
		assertThat(find("scheduling").results()).extracting(SearchResults.Result::title)
			.contains("Schedule a weekly report");
	}

	@Test
	void misspeltWordsStillFindTheLesson() {
		assertThat(find("forcasting discont rules").results().getFirst().title())
			.isEqualTo("Quote within the discount rules");
	}

	@Test
	void aQuotedPhraseMustAppearAsSuch() {
		var found = find("\"never right\"");

		assertThat(found.total()).isEqualTo(1);
		assertThat(found.results().getFirst().title()).isEqualTo("Answer the accuracy objection");
	}

	@Test
	void whatTheSearchServiceIsGivenNeverFails() {
		for (var typed : java.util.List.of("report\u0000\u0007\u001b[31m", "\"open quote report", "rep*rt~2^3 AND (",
				"x".repeat(10_000), "report ".repeat(5_000), "\uD83D", "")) {
			assertThat(find(typed)).isNotNull();
		}
		assertThat(find("report\u0000\u0007").results()).isNotEmpty();
	}

	@Test
	void aTitleMatchRanksFirstAndLinksToTheLesson() {
		var first = find("handover customer success").results().getFirst();

		assertThat(first.title()).isEqualTo("Hand over to customer success");
		assertThat(first.kind()).isEqualTo(ContentKind.TITLE);
		assertThat(first.link()).isEqualTo("/lessons/" + first.lessonId());
	}

	@Test
	void skillsAndProgramsFindTheirLessons() {
		assertThat(find("objection handling").results()).extracting(SearchResults.Result::title)
			.contains("Answer the accuracy objection");
		var program = search.find(acme,
				new SearchRequest("report", "Get started with Acme Insights", null, null, 50, 0));
		assertThat(program.results()).isNotEmpty()
			.allSatisfy(r -> assertThat(r.title()).isNotEqualTo("Review a lesson before publishing"));
		assertThat(program.facets().program()).extracting(SearchResults.Count::value)
			.containsExactly("Get started with Acme Insights");
	}
}
