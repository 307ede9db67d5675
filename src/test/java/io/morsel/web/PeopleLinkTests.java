package io.morsel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.morsel.MorselIntegrationTest;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.identity.SignedIn;
import io.morsel.support.Api;
import io.morsel.support.Eventually;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The People link leads to the directory, so the layout shows it only to those who may open it: admins and managers
 * always, everyone else once their organisation opened its directory's names.
 */
@MorselIntegrationTest
class PeopleLinkTests {

	private static final String LINK = "<a href=\"/people\"";

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Test
	void learnersSeeThePeopleLinkOnlyWhileTheirOrganisationShowsThemNames() throws Exception {
		var learner = member("learner@globex.test");
		assertThat(page("/profile", learner)).doesNotContain(LINK);
		assertThat(page("/today", learner)).doesNotContain(LINK);
		assertThat(page("/profile", member("manager@globex.test"))).contains(LINK);
		assertThat(page("/profile", member("admin@globex.test"))).contains(LINK);

		var api = Api.on(port);
		var admin = api.token("admin@globex.test", "globex");
		try {
			api.put(admin, "/api/v1/organisation/directory", Map.of("namesOpen", true));

			Eventually.await(() -> page("/today", learner).contains(LINK) && page("/profile", learner).contains(LINK));
			assertThat(mvc.perform(get("/people").with(SignedIn.as(learner))).andReturn().getResponse().getStatus())
				.as("the link leads somewhere the learner may go").isEqualTo(200);
		}
		finally {
			api.put(admin, "/api/v1/organisation/directory", Map.of("namesOpen", false));
		}
		Eventually.await(() -> !page("/profile", learner).contains(LINK));
	}

	private String page(String path, CurrentMember member) {
		try {
			var response = mvc.perform(get(path).with(SignedIn.as(member))).andReturn().getResponse();
			assertThat(response.getStatus()).as(path).isEqualTo(200);
			return response.getContentAsString();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private CurrentMember member(String email) {
		return directory.member(email, "globex").orElseThrow();
	}
}
