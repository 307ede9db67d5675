package io.morsel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import io.morsel.support.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * No page shows an internal id where a person reads it: the learner's, manager's and admin's main pages, over real
 * HTTP as the demo people, carry ids in links, form values and data attributes only, never in their text; nor do the
 * API's refusals say one in their title or detail.
 */
@MorselIntegrationTest
class NoInternalIdShownTests {

	private static final Pattern UUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
	private static final Pattern HIDDEN = Pattern.compile("(?is)<(script|style|template)\\b.*?</\\1\\s*>|<!--.*?-->");
	private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theLearnersPagesShowNamesNotIds() {
		var api = Api.on(port);
		var token = api.token("learner@acme.test", "acme");
		var program = json.readTree(api.get(token, "/api/v1/programs").getBody()).get(0).get("id").asString();
		var lesson = json.readTree(api.get(token, "/api/v1/lessons").getBody()).get(0).get("id").asString();
		var learner = Browser.signedIn(port, "learner@acme.test", "morsel-demo");

		var shown = new ArrayList<String>();
		for (var path : List.of("/today", "/catalog", "/programs/" + program, "/lessons/" + lesson, "/profile",
				"/achievements", "/skills", "/review", "/notifications", "/delivery/series", "/search?q=objective")) {
			shown.addAll(idsShown(learner, path));
		}
		assertThat(shown).isEmpty();
		// The same pages do carry ids, in their links and forms: the test would see one that came into the text.
		assertThat(UUID.matcher(learner.get("/programs/" + program).body()).find()).isTrue();
		assertThat(isARowsId(program)).isTrue();
	}

	@Test
	void theManagersAndAdminsPagesShowNamesNotIds() {
		var api = Api.on(port);
		var admin = api.token("admin@acme.test", "acme");
		var person = json.readTree(api.get(admin, "/api/v1/people").getBody()).valueStream()
			.filter(p -> p.get("email").asString().equals("learner@acme.test"))
			.findFirst()
			.orElseThrow()
			.get("id")
			.asString();
		var manager = Browser.signedIn(port, "manager@acme.test", "morsel-demo");
		var administrator = Browser.signedIn(port, "admin@acme.test", "morsel-demo");

		var shown = new ArrayList<String>();
		for (var path : List.of("/people", "/people/" + person, "/team", "/team/assign", "/team/people/" + person,
				"/skills/team")) {
			shown.addAll(idsShown(manager, path));
		}
		for (var path : List.of("/people", "/people/" + person, "/team", "/team/assign", "/team/people/" + person,
				"/admin", "/admin/tokens")) {
			shown.addAll(idsShown(administrator, path));
		}
		assertThat(shown).isEmpty();
	}

	@Test
	void theApisRefusalsNameWhatIsMissingWithoutItsId() {
		var api = Api.on(port);
		var token = api.token("learner@acme.test", "acme");
		var missing = java.util.UUID.randomUUID();
		var refusals = new ArrayList<String>();
		for (var answer : List.of(api.get(token, "/api/v1/programs/" + missing),
				api.get(token, "/api/v1/lessons/" + missing), api.get(token, "/api/v1/people/" + missing),
				api.post(token, "/api/v1/attempts",
						Map.of("lessonId", missing, "interactionId", "check", "optionIds", List.of("a"))),
				api.post(token, "/api/v1/programs/" + missing + "/enrolment", null))) {
			assertThat(answer.getStatusCode().is4xxClientError()).as(answer.getBody()).isTrue();
			var problem = json.readTree(answer.getBody());
			for (var field : List.of("title", "detail")) {
				var text = problem.path(field).asString("");
				if (UUID.matcher(text).find()) {
					refusals.add(field + ": " + text);
				}
			}
		}
		assertThat(refusals).isEmpty();
	}

	/** The ids in the page's visible text, each with the path and a little of the text around it. */
	private List<String> idsShown(Browser browser, String path) {
		var page = browser.get(path);
		assertThat(page.status()).as(path).isEqualTo(200);
		var text = TAG.matcher(HIDDEN.matcher(page.body()).replaceAll(" ")).replaceAll(" ").replaceAll("\\s+", " ");
		var found = new ArrayList<String>();
		var ids = UUID.matcher(text);
		while (ids.find()) {
			if (isARowsId(ids.group())) {
				found.add(path + ": …" + text.substring(Math.max(0, ids.start() - 60), ids.end()) + "…");
			}
		}
		return found;
	}

	/**
	 * Whether this is the id of a row of any table: other tests of the suite name their programs and skills with a
	 * random suffix ("Objective writing 5f5a2028-…"), which is part of a name, not an id shown.
	 */
	private boolean isARowsId(String id) {
		var tables = jdbc.sql("""
				SELECT table_name
				FROM information_schema.columns
				WHERE LOWER(column_name) = 'id'
				  AND LOWER(data_type) = 'uuid'
				  AND table_schema = CURRENT_SCHEMA
				""").query(String.class).list();
		return tables.stream()
			.anyMatch(table -> jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE id = :id")
				.param("id", java.util.UUID.fromString(id))
				.query(Long.class)
				.single() > 0);
	}
}
