package io.morsel.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static io.morsel.support.Csrf.csrf;

import io.morsel.MorselIntegrationTest;
import io.morsel.catalog.LessonContent;
import io.morsel.catalog.Lessons;
import io.morsel.catalog.Programs;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.support.Api;
import io.morsel.identity.SignedIn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Managers assign programs to people and to groups, with a due date; learners cannot join assigned-only programs. */
@MorselIntegrationTest
class AssignmentTests {

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	Lessons lessons;

	@Autowired
	Programs programs;

	@Autowired
	JsonMapper json;

	Api api;
	CurrentMember admin;
	String programId;

	@BeforeEach
	void setUp() throws IOException {
		api = Api.on(port);
		admin = directory.member("admin@acme.test", "acme").orElseThrow();
		var author = directory.member("author@acme.test", "acme").orElseThrow();
		try (var in = getClass().getResourceAsStream("/catalog/every-block.json")) {
			var tree = (ObjectNode) json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			tree.putArray("skills");
			var lesson = lessons.create(author, json.treeToValue(tree, LessonContent.class)).lessonId();
			lessons.publish(author, lesson);
			programId = programs.create(author.organisationId(), "assigned-" + UUID.randomUUID().toString().substring(0, 8),
					"Partner launch readiness", "Partners register their first deal within 30 days", null, false,
					List.of(lesson)).id().value().toString();
		}
	}

	@Test
	void managerAssignsAProgramToAGroupWithADueDate() throws Exception {
		var groupName = "Field team " + UUID.randomUUID().toString().substring(0, 6);
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/admin/groups").param("name", groupName).with(SignedIn.as(admin))
			.with(csrf()));
		var group = directory.groups(admin.organisationId()).stream().filter(g -> g.name().equals(groupName)).findFirst()
			.orElseThrow();
		var learner = directory.people(admin.organisationId()).stream()
			.filter(p -> p.email().equals("learner@acme.test")).findFirst().orElseThrow();
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/admin/groups/" + group.id().value() + "/members").param("members", learner.id().value().toString())
			.with(SignedIn.as(admin)).with(csrf()));

		var managerMember = directory.member("manager@acme.test", "acme").orElseThrow();
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/admin/groups/" + group.id().value() + "/managers")
			.param("managers", managerMember.memberId().value().toString()).with(SignedIn.as(admin)).with(csrf()));
		var manager = api.token("manager@acme.test", "acme");
		var outside = api.post(manager, "/api/v1/programs/" + programId + "/assignments",
				Map.of("memberIds", List.of(directory.member("author@acme.test", "acme").orElseThrow().memberId().value())));
		// Someone outside the groups the manager manages is as unknown to them as a missing person.
		assertThat(outside.getStatusCode()).as(outside.getBody()).isEqualTo(HttpStatus.NOT_FOUND);
		var assigned = api.post(manager, "/api/v1/programs/" + programId + "/assignments",
				Map.of("groupIds", List.of(group.id().value()), "dueAt", "2031-03-01T17:00:00Z"));

		assertThat(assigned.getStatusCode()).as(assigned.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(tree(assigned).get("newlyEnrolled").asInt()).isEqualTo(1);
		var seen = tree(api.get(api.token("learner@acme.test", "acme"), "/api/v1/programs/" + programId + "/progress"));
		assertThat(seen.get("enrolled").asBoolean()).isTrue();
		assertThat(Instant.parse(seen.get("dueAt").asString())).isEqualTo(Instant.parse("2031-03-01T17:00:00Z"));
		// The date learners read: the one the instant falls on in the assigning admin's time zone.
		assertThat(seen.get("dueOn").asString())
			.isEqualTo(Instant.parse("2031-03-01T17:00:00Z").atZone(admin.zone()).toLocalDate().toString());
	}

	@Test
	void onlyManagersAssignOnlyTheirOwnPeopleAndLearnersCannotJoinAssignedPrograms() {
		var learner = api.token("consultant@morsel.test", "acme");
		var manager = api.token("manager@acme.test", "acme");
		var globexLearner = directory.people(directory.organisation("globex").orElseThrow()).getFirst();

		var byLearner = api.post(learner, "/api/v1/programs/" + programId + "/assignments",
				Map.of("memberIds", List.of(globexLearner.id().value())));
		var foreignPerson = api.post(manager, "/api/v1/programs/" + programId + "/assignments",
				Map.of("memberIds", List.of(globexLearner.id().value())));
		var join = api.post(learner, "/api/v1/programs/" + programId + "/enrolment", null);

		assertThat(byLearner.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(foreignPerson.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(join.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(tree(api.get(learner, "/api/v1/programs/" + programId + "/progress")).get("enrolled").asBoolean()).isFalse();
	}

	private JsonNode tree(ResponseEntity<String> response) {
		return json.readTree(response.getBody());
	}


}
