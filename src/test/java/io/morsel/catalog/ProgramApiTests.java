package io.morsel.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.support.Api;
import java.util.HashMap;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Authors change a program through the API; bad input is refused field by field and changes nothing. */
@MorselIntegrationTest
class ProgramApiTests {

	@LocalServerPort
	int port;

	@Autowired
	Directory directory;

	@Autowired
	Lessons lessons;

	@Autowired
	JsonMapper json;

	Api api;
	String author;
	LessonId first;
	LessonId second;
	String path;

	@BeforeEach
	void createProgram() {
		api = Api.on(port);
		author = api.token("author@acme.test", "acme");
		var member = directory.member("author@acme.test", "acme").orElseThrow();
		first = publishedLesson(member, "Pick a forecast horizon");
		second = publishedLesson(member, "Explain a forecast range");
		var created = api.post(author, "/api/v1/programs", Map.of("slug", "horizon-" + UUID.randomUUID().toString().substring(0, 8),
				"title", "Forecast horizons", "outcome", "Partners pick the right horizon in their first forecast",
				"selfEnrol", true, "lessons", List.of(first.value(), second.value())));
		assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
		path = "/api/v1/programs/" + tree(created).get("id").asString();
	}

	@Test
	void anAuthorChangesTheProgramAndItsLessonOrder() {
		var changed = save(path, changes("Forecast horizons, revised",
				"Partners pick the right horizon in four forecasts out of five", false, List.of(second.value(), first.value())));

		assertThat(changed.getStatusCode()).as(changed.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(tree(changed).get("slug").asString()).startsWith("horizon-");
		var program = tree(api.get(author, path));
		assertThat(program.get("title").asString()).isEqualTo("Forecast horizons, revised");
		assertThat(program.get("outcome").asString()).isEqualTo("Partners pick the right horizon in four forecasts out of five");
		assertThat(program.get("selfEnrol").asBoolean()).isFalse();
		assertThat(program.get("lessons").valueStream().map(JsonNode::asString)).containsExactly(second.toString(),
				first.toString());
		assertThat(program).isEqualTo(tree(changed));
	}

	@Test
	void invalidChangesAnswerProblemDetailsFieldByFieldAndChangeNothing() {
		var before = tree(api.get(author, path));
		var foreignLesson = publishedLesson(directory.member("author@globex.test", "globex").orElseThrow(), "Globex only");
		var blank = new HashMap<String, Object>(Map.of("title", " ", "outcome", "", "lessons", List.of()));

		var fields = save(path, blank);
		var markup = save(path, changes("<script>", "Measurable", true, List.of(first.value())));
		var foreign = save(path, changes("T", "O", true, List.of(first.value(), foreignLesson.value())));
		var twice = save(path, changes("T", "O", true, List.of(first.value(), first.value())));

		assertThat(fields.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(fields.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(tree(fields).get("type").asString()).endsWith("/problems/validation");
		assertThat(tree(fields).get("errors").findValuesAsString("field")).contains("title", "outcome", "selfEnrol",
				"lessons");
		assertThat(tree(markup).get("errors").findValuesAsString("field")).containsExactly("title");
		for (var refused : List.of(foreign, twice)) {
			assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(tree(refused).get("type").asString()).endsWith("/problems/validation");
		}
		assertThat(tree(foreign).get("detail").asString()).contains("organisation's lessons");
		assertThat(tree(api.get(author, path))).isEqualTo(before);
	}

	@Test
	void learnersMayNotChangeAProgram() {
		var learner = api.token("learner@acme.test", "acme");

		var refused = api.put(learner, path, "*", changes("Mine now", "Nothing", true, List.of(first.value())));

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(tree(refused).get("type").asString()).endsWith("/problems/forbidden");
		assertThat(tree(api.get(author, path)).get("title").asString()).isEqualTo("Forecast horizons");
	}

	@Test
	void anotherOrganisationsProgramIsNotFoundLikeAMissingOne() {
		var globexAuthor = api.token("author@globex.test", "globex");
		var body = changes("Taken over", "Nothing", true, List.of(first.value()));

		var foreign = api.put(globexAuthor, path, "*", body);
		var missing = api.put(author, "/api/v1/programs/" + UUID.randomUUID(), "*", body);

		assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(tree(foreign).get("type").asString()).isEqualTo(tree(missing).get("type").asString());
		assertThat(tree(api.get(author, path)).get("title").asString()).isEqualTo("Forecast horizons");
	}

	@Test
	void theProgramReadsAsItWasWrittenAndLearnersSeeOnlyItsPublishedLessonsWithTheirProgressBeside() {
		var member = directory.member("author@acme.test", "acme").orElseThrow();
		var unpublished = lessons.create(member, new LessonContent("Not yet", new Objective("Pick a horizon."), 3,
				List.of(), List.of(new Block.Text("Soon.")))).lessonId();
		var learner = api.token("learner@acme.test", "acme");

		var changed = tree(save(path, changes("Forecast horizons", "Partners pick the right horizon", true,
				List.of(first.value(), unpublished.value(), second.value()))));
		var seen = tree(api.get(learner, path));
		var progress = tree(api.get(learner, path + "/progress"));

		assertThat(tree(api.get(author, path))).isEqualTo(changed);
		assertThat(seen.propertyNames()).containsExactlyElementsOf(changed.propertyNames());
		assertThat(seen.get("lessons").valueStream().map(JsonNode::asString)).containsExactly(first.toString(),
				second.toString());
		assertThat(progress.get("enrolled").asBoolean()).isFalse();
		assertThat(progress.get("total").asInt()).isEqualTo(2);
		assertThat(progress.get("lessons").findValuesAsString("status")).containsOnly("NOT_STARTED");
	}

	@Test
	void authorsListEveryProgramAndLearnersThoseOpenOrAssignedToThem() {
		var closed = tree(api.post(author, "/api/v1/programs", Map.of("title", "Closed " + UUID.randomUUID(),
				"outcome", "Managers assign it", "selfEnrol", false, "lessons", List.of(first.value())))).get("id").asString();
		var open = path.substring("/api/v1/programs/".length());
		var learner = api.token("learner@acme.test", "acme");

		var forAuthor = ids(api.get(author, "/api/v1/programs"));
		var forLearner = ids(api.get(learner, "/api/v1/programs"));

		assertThat(forAuthor).contains(open, closed);
		assertThat(forLearner).contains(open).doesNotContain(closed);
		assertThat(ids(api.get(learner, "/api/v1/progress"))).isEqualTo(forLearner);
	}

	@Test
	void aSaveCarriesTheETagItWasMadeOnAndAStaleOneIsRefusedWithoutChangingAnything() {
		var read = api.get(author, path);
		var etag = read.getHeaders().getETag();
		assertThat(etag).isNotBlank();

		var first = api.put(author, path, etag, changes("Mine first", "Partners pick the right horizon", true,
				List.of(this.first.value())));
		var second = api.put(author, path, etag, changes("Mine second", "Partners pick a horizon", true,
				List.of(this.second.value())));
		var without = api.put(author, path, null, changes("No precondition", "Partners", true,
				List.of(this.second.value())));
		var garbled = api.put(author, path, "W/" + etag, changes("Weak", "Partners", true, List.of(this.second.value())));

		assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(first.getHeaders().getETag()).isNotEqualTo(etag);
		assertThat(second.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
		assertThat(tree(second).get("type").asString()).endsWith("/problems/precondition-failed");
		assertThat(tree(second).get("detail").asString()).contains("Someone saved this program after you opened it");
		assertThat(garbled.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
		assertThat(without.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_REQUIRED);
		assertThat(tree(without).get("type").asString()).endsWith("/problems/precondition-required");
		var now = api.get(author, path);
		assertThat(tree(now).get("title").asString()).isEqualTo("Mine first");
		assertThat(now.getHeaders().getETag()).isEqualTo(first.getHeaders().getETag());
	}

	@Test
	void twoEditorsSavingTheSameReadAtOnceKeepExactlyOneChange() throws Exception {
		var etag = api.get(author, path).getHeaders().getETag();
		var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			var saves = List.of("Editor A", "Editor B").stream()
				.map(title -> pool.submit(() -> api.put(author, path, etag,
						changes(title, "Partners pick the right horizon", true, List.of(first.value())))))
				.toList();
			var statuses = new java.util.ArrayList<HttpStatus>();
			for (var save : saves) {
				statuses.add((HttpStatus) save.get().getStatusCode());
			}
			assertThat(statuses).containsExactlyInAnyOrder(HttpStatus.OK, HttpStatus.PRECONDITION_FAILED);
		}
		finally {
			pool.shutdown();
		}
		assertThat(tree(api.get(author, path)).get("title").asString()).isIn("Editor A", "Editor B");
	}

	/** Saves as an editor does: on the ETag of what they just read. */
	private ResponseEntity<String> save(String program, Object body) {
		return api.put(author, program, api.get(author, program).getHeaders().getETag(), body);
	}

	private List<String> ids(ResponseEntity<String> list) {
		return tree(list).valueStream().map(p -> p.get("id").asString()).toList();
	}

	private static Map<String, Object> changes(String title, String outcome, boolean selfEnrol, List<UUID> lessons) {
		return Map.of("title", title, "outcome", outcome, "selfEnrol", selfEnrol, "lessons", lessons);
	}

	private LessonId publishedLesson(CurrentMember member, String title) {
		var lesson = lessons.create(member, new LessonContent(title, new Objective("Pick the horizon of a forecast."), 3,
				List.of(), List.of(new Block.Text("Short horizons are more certain.")))).lessonId();
		lessons.publish(member, lesson);
		return lesson;
	}

	private JsonNode tree(ResponseEntity<String> response) {
		return json.readTree(response.getBody());
	}
}
