package io.morsel.reinforcement.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.morsel.MorselIntegrationTest;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.identity.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The team's skills are for managers and administrators, whether or not an administrator is also a manager. */
@MorselIntegrationTest
class TeamSkillsPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Test
	void managersAndAdministratorsSeeTheTeamsSkillsAndLearnersDoNot() throws Exception {
		assertThat(status(member("admin@acme.test"))).isEqualTo(200);
		assertThat(status(member("manager@acme.test"))).isEqualTo(200);
		assertThat(status(member("learner@acme.test"))).isEqualTo(403);
		assertThat(status(member("author@acme.test"))).isEqualTo(403);
	}

	private int status(CurrentMember member) throws Exception {
		return mvc.perform(get("/skills/team").with(SignedIn.as(member))).andReturn().getResponse().getStatus();
	}

	private CurrentMember member(String email) {
		return directory.member(email, "acme").orElseThrow();
	}
}
