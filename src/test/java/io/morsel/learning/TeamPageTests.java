package io.morsel.learning;

import static io.morsel.support.Csrf.csrf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.morsel.MorselIntegrationTest;
import io.morsel.catalog.LessonContent;
import io.morsel.catalog.Lessons;
import io.morsel.catalog.Program;
import io.morsel.catalog.Programs;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.identity.SignedIn;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The team page is the managers' and the administrators': administrators manage everyone, so they get in without being
 * managers, choose among all the organisation's members and assign programs; managers choose among its learners.
 */
@MorselIntegrationTest
class TeamPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	Lessons lessons;

	@Autowired
	Programs programs;

	@Autowired
	Enrolments enrolments;

	@Autowired
	JsonMapper json;

	@Test
	void anAdministratorWhoIsNoManagerSeesEveryMemberOnTheTeamPage() throws Exception {
		var admin = member("admin@globex.test");
		assertThat(admin.has(io.morsel.identity.Role.MANAGER)).isFalse();

		var page = mvc.perform(get("/team").with(SignedIn.as(admin))).andReturn().getResponse();

		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("<a href=\"/team\" aria-current=\"page\">Team</a>");
		// A learner, an author, the manager and the admin: everyone of globex, found by the assign form's search.
		for (var name : List.of("Eli Novak", "Fatima Haddad", "Gus Moreau", "Hana Sato")) {
			assertThat(assignForm(admin, name)).contains(">" + name + "<");
		}
	}

	@Test
	void aManagerSeesTheLearnersToAssignAndNoOneElse() throws Exception {
		var manager = member("manager@globex.test");

		assertThat(assignForm(manager, "Eli Novak")).contains(">Eli Novak<");
		assertThat(assignForm(manager, "Fatima Haddad")).doesNotContain(">Fatima Haddad<").contains("Nobody matches.");
		assertThat(assignForm(manager, "Hana Sato")).doesNotContain(">Hana Sato<");
	}

	private String assignForm(CurrentMember who, String search) throws Exception {
		var page = mvc.perform(get("/team/assign").param("q", search).with(SignedIn.as(who))).andReturn().getResponse();
		assertThat(page.getStatus()).isEqualTo(200);
		return page.getContentAsString();
	}

	@Test
	void anAdministratorAssignsAProgramAndALearnerIsKeptOut() throws Exception {
		var admin = member("admin@globex.test");
		var learner = member("learner@globex.test");
		var program = assignedOnly(admin);
		var person = directory.people(admin.organisationId()).stream()
			.filter(p -> p.email().equals("learner@globex.test")).findFirst().orElseThrow();

		var assigned = mvc.perform(post("/team/assignments").param("program", program.id().value().toString())
			.param("members", person.id().value().toString()).with(SignedIn.as(admin)).with(csrf())).andReturn();

		assertThat(assigned.getResponse().getRedirectedUrl()).isEqualTo("/team");
		assertThat(assigned.getFlashMap().get("flash")).isEqualTo("flash.program.assigned");
		assertThat(enrolments.of(Learner.of(learner), program.id())).isPresent();
		assertThat(mvc.perform(get("/team").with(SignedIn.as(learner))).andReturn().getResponse().getStatus())
			.isEqualTo(403);
		assertThat(mvc.perform(post("/team/assignments").param("program", program.id().value().toString())
			.param("members", person.id().value().toString()).with(SignedIn.as(learner)).with(csrf())).andReturn()
			.getResponse().getStatus()).isEqualTo(403);
	}

	private CurrentMember member(String email) {
		return directory.member(email, "globex").orElseThrow();
	}

	private Program assignedOnly(CurrentMember admin) throws Exception {
		var author = member("author@globex.test");
		try (var in = getClass().getResourceAsStream("/catalog/every-block.json")) {
			var tree = (ObjectNode) json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			tree.putArray("skills");
			tree.put("title", "Team " + UUID.randomUUID().toString().substring(0, 8));
			var lesson = lessons.create(author, json.treeToValue(tree, LessonContent.class)).lessonId();
			lessons.publish(author, lesson);
			return programs.create(admin.organisationId(), "team-" + UUID.randomUUID().toString().substring(0, 8),
					"Team program", "Partners register their first deal within 30 days", null, false, List.of(lesson));
		}
	}
}
