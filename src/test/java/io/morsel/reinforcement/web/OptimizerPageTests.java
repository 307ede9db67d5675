package io.morsel.reinforcement.web;

import static io.morsel.support.Csrf.csrf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.morsel.MorselIntegrationTest;
import io.morsel.identity.Directory;
import io.morsel.identity.SignedIn;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The weights page: what an admin sees of the review log and the weights, fitting without history, and who may. */
@MorselIntegrationTest
class OptimizerPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Test
	void anAdminSeesTheReviewLogTheWeightsInUseAndAFitButton() throws Exception {
		var admin = directory.member("admin@globex.test", "globex").orElseThrow();

		var page = mvc.perform(get("/admin/reinforcement/optimizer").with(SignedIn.as(admin))).andReturn()
			.getResponse().getContentAsString();

		assertThat(page).containsPattern("id=\"review-count\">Your organisation&#39;s review log holds \\d+ reviews.")
			.contains("action=\"/admin/reinforcement/optimizer/fit\"", "name=\"_csrf\"", "Fit now");
		var weights = Pattern.compile("<span>w(\\d+)</span> <code>([0-9.]+)</code>").matcher(page);
		int count = 0;
		while (weights.find()) {
			count++;
		}
		assertThat(count).isEqualTo(21);
	}

	@Test
	void fittingWithoutEnoughHistorySaysSoAndKeepsTheWeights() throws Exception {
		var admin = directory.member("admin@globex.test", "globex").orElseThrow();

		var fitted = mvc.perform(post("/admin/reinforcement/optimizer/fit").with(SignedIn.as(admin)).with(csrf()))
			.andReturn().getResponse();
		var page = mvc.perform(get("/admin/reinforcement/optimizer").cookie(fitted.getCookies())
			.with(SignedIn.as(admin))).andReturn().getResponse().getContentAsString();

		assertThat(fitted.getRedirectedUrl()).isEqualTo("/admin/reinforcement/optimizer");
		assertThat(page).contains("Not enough history to fit the weights yet.", "FSRS-6&#39;s defaults.",
				"<code>0.2120</code>");
	}

	@Test
	void onlyAdminsMayOpenOrFit() throws Exception {
		var learner = directory.member("learner@globex.test", "globex").orElseThrow();

		assertThat(mvc.perform(get("/admin/reinforcement/optimizer").with(SignedIn.as(learner))).andReturn()
			.getResponse().getStatus()).isEqualTo(403);
		assertThat(mvc.perform(post("/admin/reinforcement/optimizer/fit").with(SignedIn.as(learner)).with(csrf()))
			.andReturn().getResponse().getStatus()).isEqualTo(403);
	}

	@Test
	void fittingRequiresTheFormsCsrfToken() throws Exception {
		var admin = directory.member("admin@globex.test", "globex").orElseThrow();

		assertThat(mvc.perform(post("/admin/reinforcement/optimizer/fit").with(SignedIn.as(admin))).andReturn()
			.getResponse().getStatus()).isEqualTo(403);
	}
}
