package io.morsel.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import io.morsel.catalog.Block;
import io.morsel.catalog.LessonContent;
import io.morsel.catalog.LessonId;
import io.morsel.catalog.Lessons;
import io.morsel.catalog.Objective;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.learning.Attempts;
import io.morsel.learning.Learner;
import io.morsel.learning.TeamProgress;
import io.morsel.support.Api;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The life of lessons and programs through the API: unpublished, archived, restored and deleted, with what learners,
 * reports and other organisations see at each step.
 */
@MorselIntegrationTest
class ContentLifecycleApiTests {

	@LocalServerPort
	int port;

	@Autowired
	Directory directory;

	@Autowired
	Lessons lessons;

	@Autowired
	Attempts attempts;

	@Autowired
	TeamProgress team;

	@Autowired
	JsonMapper json;

	Api api;
	String author;
	String learner;
	CurrentMember authorMember;
	CurrentMember learnerMember;

	@BeforeEach
	void signIn() {
		api = Api.on(port);
		author = api.token("author@acme.test", "acme");
		learner = api.token("learner@acme.test", "acme");
		authorMember = directory.member("author@acme.test", "acme").orElseThrow();
		learnerMember = directory.member("learner@acme.test", "acme").orElseThrow();
	}

	@Test
	void anUnpublishedLessonLeavesTheCatalogButALearnerWhoStartedItKeepsTheirAttempt() {
		var started = published("Read a churn chart");
		var unseen = published("Read a retention curve");
		attempts.open(Learner.of(learnerMember), started);
		var program = program(true, started, unseen);

		var unpublished = api.post(author, lessonPath(started) + "/unpublish", null);

		assertThat(unpublished.getStatusCode()).as(unpublished.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(tree(unpublished).get("status").asString()).isEqualTo("unpublished");
		assertThat(learnerLessons()).doesNotContain(started.toString()).contains(unseen.toString());
		assertThat(api.get(learner, lessonPath(started)).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(lessonsOf(api.get(learner, "/api/v1/programs/" + program))).containsExactly(unseen.toString());
		assertThat(attempts.find(Learner.of(learnerMember), started)).isPresent();
		assertThat(attempts.open(Learner.of(learnerMember), started).lesson().content().title())
			.isEqualTo("Read a churn chart");

		var again = api.post(author, lessonPath(started) + "/publish", null);

		assertThat(again.getStatusCode()).as(again.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(learnerLessons()).contains(started.toString());
		assertThat(api.post(author, lessonPath(started) + "/restore", null).getStatusCode())
			.isEqualTo(HttpStatus.CONFLICT);
	}

	@Test
	void anArchivedLessonIsGoneForLearnersAndComesBackAsItWasWhenRestored() {
		var lesson = published("Spot a seasonal dip");

		var archived = api.post(author, lessonPath(lesson) + "/archive", null);
		var twice = api.post(author, lessonPath(lesson) + "/archive", null);
		var publishArchived = api.post(author, lessonPath(lesson) + "/publish", null);

		assertThat(tree(archived).get("status").asString()).isEqualTo("archived");
		assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(tree(twice).get("type").asString()).endsWith("/problems/conflict");
		assertThat(tree(publishArchived).get("detail").asString()).contains("restore it");
		assertThat(learnerLessons()).doesNotContain(lesson.toString());
		assertThat(api.get(learner, lessonPath(lesson)).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

		var restored = api.post(author, lessonPath(lesson) + "/restore", null);

		assertThat(tree(restored).get("status").asString()).isEqualTo("published");
		assertThat(learnerLessons()).contains(lesson.toString());
	}

	@Test
	void onlyADraftNeverPublishedAndInNoProgramIsDeleted() {
		var draft = lessons.create(authorMember, content("Name a cohort")).lessonId();
		var inProgram = lessons.create(authorMember, content("Name a segment")).lessonId();
		var published = published("Name a funnel stage");
		program(true, inProgram);

		var deleted = api.delete(author, lessonPath(draft));
		var publishedRefused = api.delete(author, lessonPath(published));
		var programRefused = api.delete(author, lessonPath(inProgram));

		assertThat(deleted.getStatusCode()).as(deleted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(api.get(author, lessonPath(draft) + "/draft").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(publishedRefused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(tree(publishedRefused).get("type").asString()).endsWith("/problems/in-use");
		assertThat(tree(publishedRefused).get("detail").asString()).contains("was published").contains("Archive it");
		assertThat(tree(programRefused).get("references").get(0).asString()).startsWith("it is in the program");
		assertThat(api.get(author, lessonPath(published) + "/draft").getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void anotherOrganisationsAuthorAndLearnersCannotChangeALessonsLife() {
		var lesson = published("Compare two cohorts");
		var globex = api.token("author@globex.test", "globex");

		for (var action : List.of("/unpublish", "/archive", "/restore")) {
			assertThat(api.post(globex, lessonPath(lesson) + action, null).getStatusCode()).as(action)
				.isEqualTo(HttpStatus.NOT_FOUND);
			assertThat(api.post(learner, lessonPath(lesson) + action, null).getStatusCode()).as(action)
				.isEqualTo(HttpStatus.FORBIDDEN);
		}
		assertThat(api.delete(globex, lessonPath(lesson)).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(api.delete(learner, lessonPath(lesson)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(learnerLessons()).contains(lesson.toString());
	}

	@Test
	void anUnpublishedProgramStaysWithThoseEnrolledAndCannotBeJoinedOrAssigned() {
		var open = program(true, published("Set a churn target"));
		var path = "/api/v1/programs/" + open;
		var enrolled = api.token("author@acme.test", "acme");
		assertThat(api.post(learner, path + "/enrolment", null).getStatusCode()).isEqualTo(HttpStatus.OK);
		var other = api.token("manager@acme.test", "acme");

		var unpublished = api.post(author, path + "/unpublish", null);

		assertThat(tree(unpublished).get("status").asString()).isEqualTo("unpublished");
		assertThat(programIds(learner)).contains(open);
		assertThat(api.get(learner, path).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(programIds(other)).doesNotContain(open);
		assertThat(api.get(other, path).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(api.post(other, path + "/enrolment", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		var assigned = api.post(other, path + "/assignments",
				Map.of("memberIds", List.of(directory.member("manager@acme.test", "acme").orElseThrow().memberId().value())));
		assertThat(assigned.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(tree(assigned).get("detail").asString()).contains("publish it again");
		assertThat(programIds(enrolled)).contains(open);

		assertThat(api.post(author, path + "/publish", null).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(programIds(other)).contains(open);
	}

	@Test
	void anArchivedProgramLeavesEveryCatalogButStaysInTheTeamsReport() {
		var program = program(true, published("Pick a churn metric"));
		var path = "/api/v1/programs/" + program;
		api.post(learner, path + "/enrolment", null);

		var archived = api.post(author, path + "/archive", null);

		assertThat(tree(archived).get("status").asString()).isEqualTo("archived");
		assertThat(programIds(learner)).doesNotContain(program);
		assertThat(api.get(learner, path).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(programIds(author)).contains(program);
		var admin = directory.member("admin@acme.test", "acme").orElseThrow();
		assertThat(team.of(admin, learnerMember.memberId()).programs())
			.anySatisfy(p -> assertThat(p.programId().value().toString()).isEqualTo(program));

		var restored = api.post(author, path + "/restore", null);

		assertThat(tree(restored).get("status").asString()).isEqualTo("published");
		assertThat(programIds(learner)).contains(program);
	}

	@Test
	void aProgramIsDeletedOnlyWhileNothingNamesIt() {
		var unused = program(true, published("Pick a churn window"));
		var joined = program(true, published("Pick a churn cohort"));
		api.post(learner, "/api/v1/programs/" + joined + "/enrolment", null);

		var deleted = api.delete(author, "/api/v1/programs/" + unused);
		var refused = api.delete(author, "/api/v1/programs/" + joined);

		assertThat(deleted.getStatusCode()).as(deleted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(api.get(author, "/api/v1/programs/" + unused).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(tree(refused).get("type").asString()).endsWith("/problems/in-use");
		assertThat(tree(refused).get("references").get(0).asString()).isEqualTo("1 learner is or was enrolled in it");
		assertThat(api.get(author, "/api/v1/programs/" + joined).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	private List<String> learnerLessons() {
		return tree(api.get(learner, "/api/v1/lessons")).valueStream().map(l -> l.get("id").asString()).toList();
	}

	private List<String> programIds(String token) {
		return tree(api.get(token, "/api/v1/programs")).valueStream().map(p -> p.get("id").asString()).toList();
	}

	private List<String> lessonsOf(ResponseEntity<String> program) {
		return tree(program).get("lessons").valueStream().map(JsonNode::asString).toList();
	}

	private String program(boolean selfEnrol, LessonId... lessons) {
		var created = api.post(author, "/api/v1/programs", Map.of("title", "Churn " + UUID.randomUUID(), "outcome",
				"Analysts explain churn to their team", "selfEnrol", selfEnrol, "lessons",
				List.of(lessons).stream().map(LessonId::value).toList()));
		assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
		return tree(created).get("id").asString();
	}

	private LessonId published(String title) {
		var lesson = lessons.create(authorMember, content(title)).lessonId();
		lessons.publish(authorMember, lesson);
		return lesson;
	}

	private static LessonContent content(String title) {
		return new LessonContent(title, new Objective("Read the chart of a churn report."), 3, List.of(),
				List.of(new Block.Text("Churn is the share of customers who leave.")));
	}

	private static String lessonPath(LessonId lesson) {
		return "/api/v1/lessons/" + lesson.value();
	}

	private JsonNode tree(ResponseEntity<String> response) {
		return json.readTree(response.getBody());
	}
}
