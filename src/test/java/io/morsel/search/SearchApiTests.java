package io.morsel.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import io.morsel.support.Api;
import io.morsel.support.Eventually;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
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

/**
 * GET /api/v1/search as learners use it: only their organisation's published lessons, whatever they type, a page at a
 * time. Every answer is checked against the OpenAPI document (support.Api).
 */
@MorselIntegrationTest
class SearchApiTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	ChangeLog changes;

	@Autowired
	ChangeFollower follower;

	Api api;
	String learner;

	@BeforeEach
	void setUp() {
		Indexed.await(changes, follower);
		api = Api.on(port);
		learner = api.token("learner@acme.test", "acme");
	}

	/** GET /api/v1/search with the query as typed, encoded once (the path of Api.get would encode a % again). */
	private ResponseEntity<String> get(String token, String query) {
		return api.http()
			.get()
			.uri(uri -> uri.path("/api/v1/search").queryParam("q", "{q}").build(query))
			.header("Authorization", "Bearer " + token)
			.retrieve()
			.toEntity(String.class);
	}

	/**
	 * Whether the lesson of this title is among what the query finds: once it is indexed, a made-up word finds it, and
	 * (by meaning, when the model is loaded) perhaps lessons near that word's embedding too.
	 */
	private boolean finds(String token, String query, String title) {
		return search(token, query).get("results").findValuesAsString("title").contains(title);
	}

	private JsonNode search(String token, String query) {
		var answer = get(token, query);
		assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
		return json.readTree(answer.getBody());
	}

	@Test
	void answersEachResultWithWhereItMatchedAndFacets() {
		var found = search(learner, "region equals north");

		assertThat(found.get("total").asLong()).isPositive();
		assertThat(found.get("totalIsExact").asBoolean()).isTrue();
		var first = found.at("/results/0");
		assertThat(first.get("title").asString()).isEqualTo("Build your first report");
		assertThat(first.get("objective").asString()).startsWith("Build a report from a saved view");
		assertThat(first.get("kind").asString()).isEqualTo("transcript");
		assertThat(first.get("snippet").asString()).contains("<mark>North</mark>");
		assertThat(first.get("link").asString()).isEqualTo("/lessons/" + first.get("lessonId").asString() + "?step=1&t=10#step-1");
		assertThat(first.get("score").asDouble()).isPositive();
		assertThat(found.at("/facets/program/0/value").asString()).isEqualTo("Get started with Acme Insights");
		assertThat(found.at("/facets/type").findValuesAsString("value")).contains("transcript");
	}

	@Test
	void neverFindsAnotherOrganisationsLessonsEvenByAWordOnlyItUses() {
		var globexAuthor = api.token("author@globex.test", "globex");
		var globexLearner = api.token("learner@globex.test", "globex");
		var word = "quixoticity" + UUID.randomUUID().toString().substring(0, 6);
		var globexLesson = Authored.published(api, globexAuthor, "Globex only " + word, "Only Globex says " + word + ".");

		Eventually.await(() -> finds(globexLearner, word, "Globex only " + word));
		// Acme's own lessons may come near a made-up word in meaning; Globex's lesson must never come.
		var found = search(learner, word);
		assertThat(found.at("/results").findValuesAsString("lessonId")).doesNotContain(globexLesson);
		assertThat(found.toString()).doesNotContain(word);
		assertThat(search(learner, "Globex only " + word).toString()).doesNotContain(word);
	}

	@Test
	void neverFindsALessonBeforeItIsPublishedNorADraftsNewWords() {
		var author = api.token("author@acme.test", "acme");
		var word = "plinthwise" + UUID.randomUUID().toString().substring(0, 6);
		var id = Authored.draft(api, author, "Draft about " + word, "Nobody may find " + word + " yet.");
		var before = changes.last();
		Eventually.await(() -> follower.appliedChange() >= before);
		assertThat(search(learner, word).get("total").asLong()).isZero();

		api.post(author, "/api/v1/lessons/" + id + "/publish", null);
		Eventually.await(() -> finds(learner, word, "Draft about " + word));

		var later = "corbelled" + UUID.randomUUID().toString().substring(0, 6);
		var edited = Map.of("title", "Draft about " + word, "objective", "Explain what it means.", "estimatedMinutes", 3,
				"skills", List.of(), "blocks", List.of(Map.of("type", "text", "markdown", "Now also " + later + ".")));
		assertThat(api.put(author, "/api/v1/lessons/" + id + "/draft", edited).getStatusCode()).isEqualTo(HttpStatus.OK);
		var saved = changes.last();
		Eventually.await(() -> follower.appliedChange() >= saved);
		assertThat(search(learner, later).get("total").asLong()).isZero();
		// The published version is still found by its own word (meaning may add neighbours once the model is loaded).
		assertThat(finds(learner, word, "Draft about " + word)).isTrue();
	}

	@Test
	void anyTextIsAQueryAndNoneFails() {
		var hostile = new ArrayList<>(List.of("\"unbalanced quote", "report\"", "\"\"\"", "rep*rt", "*", "?", "a OR b AND",
				"title:(report", "report~2^3", "[a TO z]", "{!lucene}", "\\", "/regex.*/", "+-&&||!(){}[]^\"~*?:\\/",
				"report\u0000\u0007\u001b[31m", "\u202eevil\u200b", "\uD83D\uDE00 emoji report", "x".repeat(10_000),
				"report ".repeat(2_000), "<script>alert(1)</script>", "' OR 1=1 --", "%00", "  \t\n  "));
		var random = new Random(17);
		for (int i = 0; i < 40; i++) {
			var chars = new StringBuilder();
			for (int c = 0; c < 1 + random.nextInt(60); c++) {
				chars.append((char) random.nextInt(0x3000));
			}
			hostile.add(chars.toString());
		}
		for (var query : hostile) {
			var answer = get(learner, query);
			// Control characters other than tabs and line breaks are refused in every parameter, before any module
			// reads it (web.ControlCharacters, docs/operations.md): a 400 problem, never a failure.
			var controls = query.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r');
			assertThat(answer.getStatusCode()).as(query).isEqualTo(controls ? HttpStatus.BAD_REQUEST : HttpStatus.OK);
			assertThat(answer.getHeaders().getContentType())
				.isEqualTo(controls ? MediaType.APPLICATION_PROBLEM_JSON : MediaType.APPLICATION_JSON);
		}
		assertThat(search(learner, "<script>report</script>").toString()).doesNotContain("<script>");
	}

	@Test
	void anEmptyOrMissingQueryFindsNothing() {
		for (var empty : List.of("", "   ", "the of and", "\"\"", "!!!")) {
			var found = search(learner, empty);
			assertThat(found.get("total").asLong()).as(empty).isZero();
			assertThat(found.get("results").size()).isZero();
		}
		var missing = api.get(learner, "/api/v1/search");
		assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(json.readTree(missing.getBody()).get("total").asLong()).isZero();
	}

	@Test
	void pagesThroughResultsWithinTheLimits() {
		var all = json.readTree(api.get(learner, "/api/v1/search?q=report&limit=50").getBody());
		var first = json.readTree(api.get(learner, "/api/v1/search?q=report&limit=2").getBody());
		var second = json.readTree(api.get(learner, "/api/v1/search?q=report&limit=2&offset=2").getBody());

		assertThat(all.get("total").asLong()).isGreaterThan(4);
		assertThat(first.get("total")).isEqualTo(all.get("total"));
		assertThat(first.get("results").size()).isEqualTo(2);
		assertThat(List.of(first.at("/results/0/lessonId"), first.at("/results/1/lessonId"),
				second.at("/results/0/lessonId"), second.at("/results/1/lessonId")))
			.containsExactly(all.at("/results/0/lessonId"), all.at("/results/1/lessonId"),
					all.at("/results/2/lessonId"), all.at("/results/3/lessonId"));
		var beyond = json.readTree(api.get(learner, "/api/v1/search?q=report&limit=10&offset=1000").getBody());
		assertThat(beyond.get("results").size()).isZero();
		for (var bad : List.of("limit=0", "limit=51", "limit=-1", "offset=-1", "offset=1001", "limit=ten",
				"type=video", "duration=short", "duration=3")) {
			var refused = api.get(learner, "/api/v1/search?q=report&" + bad);
			assertThat(refused.getStatusCode()).as(bad).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		}
	}

	@Test
	void filtersByContentType() {
		var questions = json.readTree(api.get(learner, "/api/v1/search?q=report&type=question&limit=50").getBody());

		assertThat(questions.get("total").asLong()).isPositive();
		assertThat(questions.get("results").findValuesAsString("kind")).containsOnly("question");
	}

	@Test
	void countsAndFiltersByLessonLength() {
		var all = json.readTree(api.get(learner, "/api/v1/search?q=report&limit=50").getBody());
		var durations = all.at("/facets/duration");

		assertThat(durations.findValuesAsString("value")).isNotEmpty().isSubsetOf("under-3", "3-4", "5-7", "over-7");
		var counted = 0L;
		for (var duration : durations) {
			var narrowed = json.readTree(api.get(learner,
					"/api/v1/search?q=report&limit=50&duration=" + duration.get("value").asString()).getBody());
			assertThat(narrowed.get("total").asLong()).as(duration.toString()).isEqualTo(duration.get("count").asLong());
			assertThat(narrowed.at("/facets/duration").findValuesAsString("value"))
				.containsExactly(duration.get("value").asString());
			counted += narrowed.get("total").asLong();
		}
		assertThat(counted).isEqualTo(all.get("total").asLong());
		var refused = json.readTree(api.get(learner, "/api/v1/search?q=report&duration=short").getBody());
		assertThat(refused.get("detail").asString()).contains("under-3, 3-4, 5-7, over-7");
	}

	@Test
	void anOrganisationsSynonymsFindWhatItsLessonsCallOtherwise() {
		var admin = api.token("admin@globex.test", "globex");
		var author = api.token("author@globex.test", "globex");
		var globexLearner = api.token("learner@globex.test", "globex");
		var word = "ssoq" + UUID.randomUUID().toString().substring(0, 6);
		Authored.published(api, author, "Turn on " + word, "Open the " + word + " settings and switch it on.");
		Eventually.await(() -> finds(globexLearner, word, "Turn on " + word));
		assertThat(search(globexLearner, "single sign-on").toString()).doesNotContain(word);

		assertThat(api.put(learner, "/api/v1/search/synonyms", Map.of("groups", List.of(word + ", single sign-on")))
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		var refused = api.put(admin, "/api/v1/search/synonyms", Map.of("groups", List.of("lonely")));
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		var empty = api.put(admin, "/api/v1/search/synonyms", Map.of());
		assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(json.readTree(empty.getBody()).at("/errors/0/field").asString()).isEqualTo("groups");
		var saved = api.put(admin, "/api/v1/search/synonyms", Map.of("groups", List.of(" " + word + " ,single sign-on ")));
		assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(json.readTree(saved.getBody()).at("/groups/0").asString()).isEqualTo(word + ", single sign-on");

		// Found by the synonym, its word marked; how high beside lessons near the question in meaning is the fusion's
		// business (RelevanceTests), and moves with what other tests published.
		var found = search(globexLearner, "how do I set up single sign-on");
		var result = java.util.stream.StreamSupport.stream(found.get("results").spliterator(), false)
			.filter(r -> r.get("title").asString().equals("Turn on " + word))
			.findFirst();
		assertThat(result).as("the lesson the synonym names is found").isPresent();
		assertThat(result.get().get("snippet").asString()).contains("<mark>" + word + "</mark>");
		assertThat(search(learner, "single sign-on").toString()).doesNotContain(word);
		assertThat(json.readTree(api.get(admin, "/api/v1/search/synonyms").getBody()).at("/groups/0").asString())
			.isEqualTo(word + ", single sign-on");
	}
}
