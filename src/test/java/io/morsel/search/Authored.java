package io.morsel.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.support.Api;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/** Lessons the search tests write through the authors' API, with words of their own. */
final class Authored {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Authored() {
	}

	/**
	 * A draft lesson of one text block and a question that assesses its objective (a lesson needs one to be
	 * published); its id.
	 */
	static String draft(Api api, String author, String title, String text) {
		var check = Map.of("type", "single-choice", "id", "check", "prompt", "Which is so?", "assessesObjective", true,
				"options", List.of(Map.of("id", "a", "text", "This", "correct", true, "feedback", "Yes."),
						Map.of("id", "b", "text", "That", "correct", false, "feedback", "No.")));
		var lesson = Map.of("title", title, "objective", "Explain what " + title.toLowerCase() + " means.",
				"estimatedMinutes", 3, "skills", List.of(), "blocks",
				List.of(Map.of("type", "text", "markdown", text), Map.of("type", "interaction", "interaction", check)));
		var created = api.post(author, "/api/v1/lessons", lesson);
		assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
		return JSON.readTree(created.getBody()).at("/id").asString();
	}

	static String published(Api api, String author, String title, String text) {
		var id = draft(api, author, title, text);
		var published = api.post(author, "/api/v1/lessons/" + id + "/publish", null);
		assertThat(published.getStatusCode()).as(published.getBody()).isEqualTo(HttpStatus.OK);
		return id;
	}
}
