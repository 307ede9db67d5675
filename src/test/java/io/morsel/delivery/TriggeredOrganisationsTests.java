package io.morsel.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.morsel.MorselIntegrationTest;
import io.morsel.catalog.Lessons;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.identity.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Today looks for triggered lessons only in organisations that received a trigger, and an organisation's first trigger
 * shows on its learner's Today at once.
 */
@MorselIntegrationTest
class TriggeredOrganisationsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Directory directory;

	@Autowired
	Lessons lessons;

	@Autowired
	Cadences cadences;

	@Autowired
	TriggerRules rules;

	@Autowired
	Triggers triggers;

	@Autowired
	JsonMapper json;

	@Test
	void anOrganisationsFirstTriggerShowsOnTodayAtOnce() throws Exception {
		var org = ChannelOrganisation.create(jdbc, directory, cadences);
		var lesson = org.lesson(lessons, json, "Prepare the first customer call");
		// Today has looked, and found that the organisation never received a trigger.
		assertThat(today(org.learner())).doesNotContain("Prepare the first customer call");

		org.trigger(rules, triggers, lesson);

		assertThat(today(org.learner())).contains("Prepare the first customer call");
	}

	private String today(CurrentMember learner) throws Exception {
		var response = mvc.perform(get("/today").with(SignedIn.as(learner))).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString();
	}
}
