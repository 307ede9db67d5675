package io.morsel.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.morsel.MorselIntegrationTest;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.identity.SignedIn;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The search page works as a plain form: results with their place, facets as links; titles suggested as one types. */
@MorselIntegrationTest
class SearchPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	ChangeLog changes;

	@Autowired
	ChangeFollower follower;

	CurrentMember learner;

	@BeforeEach
	void setUp() {
		Indexed.await(changes, follower);
		learner = directory.member("learner@acme.test", "acme").orElseThrow();
	}

	/** The page at the path, with parameters given as name, value, name, value... */
	private String page(String path, String... parameters) throws Exception {
		var request = get(path).with(SignedIn.as(learner));
		for (int i = 0; i < parameters.length; i += 2) {
			request.param(parameters[i], parameters[i + 1]);
		}
		var response = mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void showsResultsThatOpenTheVideoAtTheSecondItWasSaid() throws Exception {
		var html = page("/search", "q", "region equals north");

		assertThat(html).contains("role=\"search\"", "Build your first report", "?step=1&amp;t=10#step-1",
				"<mark>North</mark>", "at 0:10", "Video or audio");
		assertThat(html).contains("/search?q=region%20equals%20north&amp;program=Get%20started%20with%20Acme%20Insights");
	}

	@Test
	void narrowsToALessonLengthAndKeepsItWhileNarrowingFurther() throws Exception {
		var html = page("/search", "q", "report");
		assertThat(html).contains("<h2>Duration</h2>", "&amp;duration=3-4\">3 to 4 minutes (");

		var narrowed = page("/search", "q", "report", "duration", "3-4");
		assertThat(narrowed).contains("name=\"duration\" value=\"3-4\"", "aria-current=\"true\"", "Show all results")
			.doesNotContain("5 to 7 minutes (");
	}

	@Test
	void everyPageHasALabelledSearchBoxThatWorksWithoutJavaScript() throws Exception {
		var html = page("/search");

		assertThat(html).contains("<form class=\"header-search\" role=\"search\" method=\"get\" action=\"/search\"",
				"aria-label=\"Search lessons\">",
				"<label for=\"header-search-q\" class=\"visually-hidden\">Search lessons</label>",
				"<input id=\"header-search-q\" type=\"search\" name=\"q\"");
	}

	@Test
	void anEmptySearchShowsTheFormAlone() throws Exception {
		var html = page("/search");

		assertThat(html).contains("name=\"q\"").doesNotContain("lessons match", "class=\"results\"");
	}

	@Test
	void narrowsToAContentTypeAndEscapesWhatWasTyped() throws Exception {
		var html = page("/search", "q", "<script>report", "type", "question");

		assertThat(html).doesNotContain("<script>report").contains("&lt;script&gt;report", "Question");
		assertThat(html).doesNotContain("<span>Video or audio</span>");
	}

	@Test
	void suggestsTitlesAsTheLearnerTypes() throws Exception {
		var html = page("/search/suggestions", "q", "weekly sched");

		assertThat(html).contains("Schedule a weekly report").doesNotContain("<html");
		assertThat(page("/search/suggestions", "q", "")).doesNotContain("<li>");
	}

	@Test
	void refusesAnUnknownContentType() throws Exception {
		var response = mvc.perform(get("/search").param("q", "report").param("type", "video").with(SignedIn.as(learner))).andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(400);
	}
}
