package io.morsel.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.morsel.MorselIntegrationTest;
import io.morsel.catalog.Skills;
import io.morsel.identity.Directory;
import io.morsel.identity.SignedIn;
import io.morsel.support.Api;
import io.morsel.support.Csrf;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Authors define achievements through the API and the studio; learners list them but do not define them; another
 * organisation's achievement is not found; the badge image is public.
 */
@MorselIntegrationTest
class AchievementApiTests {

	@LocalServerPort
	int port;

	@Autowired
	Skills skills;

	@Autowired
	Directory directory;

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Test
	void anAuthorDefinesAnAchievementThatStacksOnAnother() {
		var api = Api.on(port);
		var author = api.token("author@acme.test", "acme");
		var skill = skill("acme");

		var first = api.post(author, "/api/v1/achievements", Map.of("name", unique("Negotiator"), "description",
				"Negotiates a contract", "criteria", "Masters contract negotiation", "skills", List.of(skill),
				"achievements", List.of(), "alignments",
				List.of(Map.of("name", "ESCO negotiate", "url", "https://esco.ec.europa.eu/en/skill/1", "code", "S1.2")),
				"creditHours", 1.5, "validDays", 365));
		assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		var firstId = json.readTree(first.getBody()).get("id").asString();
		assertThat(json.readTree(first.getBody()).get("image").asString()).endsWith("/image.svg");

		var stacked = api.post(author, "/api/v1/achievements", Map.of("name", unique("Deal maker"), "description",
				"Closes deals", "criteria", "Holds Negotiator", "skills", List.of(), "achievements",
				List.of(firstId), "alignments", List.of()));
		assertThat(stacked.getStatusCode()).isEqualTo(HttpStatus.CREATED);

		var listed = json.readTree(api.get(author, "/api/v1/achievements").getBody());
		var names = new java.util.ArrayList<String>();
		listed.forEach(a -> names.add(a.get("name").asString()));
		assertThat(names).contains(json.readTree(first.getBody()).get("name").asString());
		var stackedId = json.readTree(stacked.getBody()).get("id").asString();
		var one = json.readTree(api.get(author, "/api/v1/achievements/" + stackedId).getBody());
		assertThat(one.get("criteria").get("achievements").get(0).asString()).isEqualTo(firstId);
		var read = json.readTree(api.get(author, "/api/v1/achievements/" + firstId).getBody());
		assertThat(read.get("alignments").get(0).get("code").asString()).isEqualTo("S1.2");
		assertThat(read.get("creditHours").asDouble()).isEqualTo(1.5);
		assertThat(read.get("validDays").asInt()).isEqualTo(365);
	}

	@Test
	void refusesSkillsAndAchievementsOfAnotherOrganisation() {
		var api = Api.on(port);
		var author = api.token("author@acme.test", "acme");
		var foreign = skill("globex");

		var answer = api.post(author, "/api/v1/achievements", Map.of("name", unique("Foreign"), "description", "d",
				"criteria", "c", "skills", List.of(foreign), "achievements", List.of(), "alignments", List.of()));

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(answer.getBody()).contains("not one of the organisation's skills");
		var nothing = api.post(author, "/api/v1/achievements", Map.of("name", unique("Empty"), "description", "d",
				"criteria", "c", "skills", List.of(), "achievements", List.of(), "alignments", List.of()));
		assertThat(nothing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void learnersListAchievementsButDoNotDefineThemAndOthersAreNotFound() {
		var api = Api.on(port);
		var author = api.token("author@globex.test", "globex");
		var defined = api.post(author, "/api/v1/achievements", Map.of("name", unique("Globex only"), "description",
				"d", "criteria", "c", "skills", List.of(skill("globex")), "achievements", List.of(), "alignments",
				List.of()));
		var id = json.readTree(defined.getBody()).get("id").asString();
		var learner = api.token("learner@globex.test", "globex");

		assertThat(api.get(learner, "/api/v1/achievements").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(api.post(learner, "/api/v1/achievements", Map.of("name", unique("No"), "description", "d",
				"criteria", "c", "skills", List.of(skill("globex")), "achievements", List.of(), "alignments",
				List.of())).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		var acmeAdmin = api.token("admin@acme.test", "acme");
		assertThat(api.get(acmeAdmin, "/api/v1/achievements/" + id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void theStudioListsAndDefinesAchievementsAndTheImageIsPublic() throws Exception {
		var author = directory.member("author@acme.test", "acme").orElseThrow();
		var name = unique("Studio badge");
		var skill = skill("acme");

		mvc.perform(post("/studio/achievements").with(SignedIn.as(author))
			.with(Csrf.csrf())
			.param("name", name)
			.param("description", "Made in the studio")
			.param("criteria", "Masters one skill")
			.param("skill", skill.toString())
			.param("alignmentName", "")
			.param("alignmentUrl", "")).andExpect(status().is3xxRedirection());
		var page = mvc.perform(get("/studio/achievements").with(SignedIn.as(author)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(name, "Masters one skill");

		var refused = mvc.perform(post("/studio/achievements").with(SignedIn.as(author))
			.with(Csrf.csrf())
			.param("name", unique("Nothing"))
			.param("description", "d")
			.param("criteria", "c")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("at least one skill");

		var id = json.readTree(Api.on(port).get(Api.on(port).token("author@acme.test", "acme"),
				"/api/v1/achievements").getBody()).valueStream()
			.filter(a -> a.get("name").asString().equals(name))
			.findFirst()
			.orElseThrow()
			.get("id")
			.asString();
		var image = Api.on(port).http().get().uri("/credentials/achievements/" + id + "/image.svg").retrieve()
			.toEntity(String.class);
		assertThat(image.getHeaders().getContentType().toString()).startsWith("image/svg+xml");
		assertThat(image.getBody()).contains("<svg", "<title id=\"title\">" + name + ", from Acme");
		mvc.perform(get("/credentials/achievements/" + UUID.randomUUID() + "/image.svg"))
			.andExpect(status().isNotFound());
	}

	private UUID skill(String organisation) {
		var id = directory.organisation(organisation).orElseThrow();
		return skills.add(id, unique("Credential skill"), null, null).id().value();
	}

	private static String unique(String name) {
		return name + " " + UUID.randomUUID().toString().substring(0, 8);
	}
}
