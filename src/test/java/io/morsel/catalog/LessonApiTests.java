package io.morsel.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.MemberId;
import io.morsel.identity.OrganisationId;
import io.morsel.identity.Role;
import io.morsel.identity.UserId;
import io.morsel.support.Api;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Authors write, publish and export lessons through the API; learners get only published versions, without answers. */
@MorselIntegrationTest
@RecordApplicationEvents
class LessonApiTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	ApplicationEvents events;

	@Autowired
	Lessons lessons;

	Api api;
	String author;
	String learner;
	String skill;

	@BeforeEach
	void setUp() {
		api = Api.on(port);
		author = api.token("author@acme.test", "acme");
		learner = api.token("learner@acme.test", "acme");
		skill = "Objective writing " + UUID.randomUUID();
		var created = api.post(author, "/api/v1/skills", Map.of("name", skill, "frameworkCode", "MRSL-OBJ-1"));
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
	}

	@Test
	void learnersGetOnlyPublishedVersionsAndNeverTheAnswerKey() {
		var id = createLesson(lesson(skill));
		assertThat(listTitles(learner)).doesNotContain("Write an objective you can measure " + skill);
		assertThat(api.get(learner, "/api/v1/lessons/" + id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

		var published = api.post(author, "/api/v1/lessons/" + id + "/publish", null);
		assertThat(published.getStatusCode()).isEqualTo(HttpStatus.OK);

		var playable = api.get(learner, "/api/v1/lessons/" + id);
		assertThat(playable.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(playable.getBody()).contains("Which verb can you observe?")
			.doesNotContain("\"correct\"", "acceptedAnswers", "Measurable\"", "You can see a list.",
					"Observable verbs make objectives measurable.");
		assertThat(listTitles(learner)).contains("Write an objective you can measure " + skill);
	}

	@Test
	void publishingAnnouncesTheVersionWithItsSkills() {
		var me = tree(api.get(author, "/api/v1/me").getBody());
		var member = new CurrentMember(new UserId(UUID.fromString(me.at("/user/id").asString())), MemberId.random(),
				"author@acme.test", "Author", new OrganisationId(UUID.fromString(me.at("/organisation/id").asString())),
				"acme", "Acme", Set.of(Role.AUTHOR), ZoneId.of("UTC"), Locale.ENGLISH, List.of());
		var content = json.treeToValue(lesson(skill), LessonContent.class);

		var draft = lessons.create(member, content);
		var published = lessons.publish(member, draft.lessonId());

		assertThat(published.published()).isTrue();
		assertThat(events.stream(LessonPublished.class)).singleElement()
			.satisfies(e -> {
				assertThat(e.lessonId()).isEqualTo(draft.lessonId());
				assertThat(e.version()).isEqualTo(1);
				assertThat(e.organisationId()).isEqualTo(member.organisationId());
				assertThat(e.skills()).hasSize(1);
			});
	}

	@Test
	void editingAPublishedLessonMakesANewDraftAndLeavesThePublishedVersionUnchanged() {
		var id = createLesson(lesson(skill));
		api.post(author, "/api/v1/lessons/" + id + "/publish", null);
		var edited = lesson(skill);
		edited.put("title", "Second take " + skill);

		var draft = api.put(author, "/api/v1/lessons/" + id + "/draft", edited);
		assertThat(draft.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(tree(draft.getBody()).get("version").asInt()).isEqualTo(2);
		assertThat(tree(api.get(learner, "/api/v1/lessons/" + id).getBody()).get("title").asString())
			.isEqualTo("Write an objective you can measure " + skill);
		assertThat(tree(api.get(learner, "/api/v1/lessons/" + id).getBody()).get("version").asInt()).isEqualTo(1);

		api.post(author, "/api/v1/lessons/" + id + "/publish", null);
		assertThat(tree(api.get(learner, "/api/v1/lessons/" + id).getBody()).get("title").asString())
			.isEqualTo("Second take " + skill);
		var again = api.post(author, "/api/v1/lessons/" + id + "/publish", null);
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
	}

	@Test
	void exportedLessonImportsBackUnchanged() {
		var id = createLesson(lesson(skill));
		var exported = api.get(author, "/api/v1/lessons/" + id + "/export");
		assertThat(exported.getHeaders().getContentDisposition().getFilename()).isEqualTo("lesson-" + id + ".json");

		var imported = createLesson((ObjectNode) tree(exported.getBody()));
		var reexported = api.get(author, "/api/v1/lessons/" + imported + "/export");

		assertThat(imported).isNotEqualTo(id);
		assertThat(tree(reexported.getBody())).isEqualTo(tree(exported.getBody()));
		assertThat(tree(exported.getBody())).isEqualTo(lesson(skill));
	}

	@Test
	void refusesBadLessonsWithAProblemDetailAndStoresNothing() {
		var before = listTitles(author).size();
		var twoObjectives = lesson(skill);
		twoObjectives.put("objective", "Write an objective. Then write another.");
		var unknownSkill = lesson("No such skill " + UUID.randomUUID());
		var nullBlock = lesson(skill);
		nullBlock.putArray("blocks").addNull();

		var refused = api.post(author, "/api/v1/lessons", twoObjectives);
		var unknown = api.post(author, "/api/v1/lessons", unknownSkill);
		var unreadable = api.post(author, "/api/v1/lessons", nullBlock);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(tree(refused.getBody()).get("detail").asString()).contains("one sentence");
		assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(tree(unknown.getBody()).get("detail").asString()).contains("Unknown skill");
		assertThat(unreadable.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(tree(unreadable.getBody()).get("type").asString()).isEqualTo("/problems/malformed-body");
		assertThat(listTitles(author)).hasSize(before);
	}

	@Test
	void learnersCannotWriteLessonsAndOtherOrganisationsCannotSeeThem() {
		var id = createLesson(lesson(skill));
		api.post(author, "/api/v1/lessons/" + id + "/publish", null);
		var globexAuthor = api.token("author@globex.test", "globex");

		assertThat(api.post(learner, "/api/v1/lessons", lesson(skill)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(api.get(globexAuthor, "/api/v1/lessons/" + id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(api.get(globexAuthor, "/api/v1/lessons/" + id + "/export").getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(api.put(globexAuthor, "/api/v1/lessons/" + id + "/draft", lesson(skill)).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(listTitles(globexAuthor)).doesNotContain("Write an objective you can measure " + skill);
	}

	@Test
	void theOpenApiDocumentDescribesTheAuthorEndpointsAndTheLintersWarningsByCode() {
		var docs = tree(api.http().get().uri("/api/docs").retrieve().body(String.class));

		assertThat(docs.at("/paths/~1api~1v1~1lessons/post/summary").asString()).startsWith("For authors: create a lesson");
		assertThat(docs.at("/paths/~1api~1v1~1lessons~1{id}~1draft/put/summary").asString()).startsWith("For authors");
		assertThat(docs.at("/paths/~1api~1v1~1lessons~1{id}~1publish/post/summary").asString()).startsWith("For authors");
		assertThat(docs.at("/paths/~1api~1v1~1lessons~1{id}~1export/get/summary").asString()).startsWith("For authors");
		assertThat(docs.at("/paths/~1api~1v1~1programs/post/summary").asString()).startsWith("For authors");
		assertThat(docs.at("/paths/~1api~1v1~1programs~1{id}/put/summary").asString()).startsWith("For authors");
		assertThat(docs.at("/components/schemas/AuthorView/properties/warnings/items/enum").valueStream()
			.map(JsonNode::asString)).containsExactly("vague-verb", "double-objective", "duration", "no-assessment",
					"over-limit");
	}

	private String createLesson(ObjectNode lesson) {
		var created = api.post(author, "/api/v1/lessons", lesson);
		assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
		return tree(created.getBody()).get("id").asString();
	}

	private ObjectNode lesson(String skillName) {
		try (var in = getClass().getResourceAsStream("/catalog/every-block.json")) {
			var lesson = (ObjectNode) json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			lesson.put("title", lesson.get("title").asString() + " " + skill);
			lesson.putArray("skills").add(skillName);
			return lesson;
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private List<String> listTitles(String token) {
		return api.http().get().uri("/api/v1/lessons").header("Authorization", "Bearer " + token).retrieve()
			.body(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.stream()
			.map(l -> (String) l.get("title"))
			.toList();
	}

	private JsonNode tree(String body) {
		return json.readTree(body);
	}



}
