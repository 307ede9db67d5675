package io.morsel.catalog.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import io.morsel.support.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each demo organisation starts with its own demo catalog: Acme's with its media uploaded and playable, Globex's about
 * its own business. Neither sees the other's.
 */
@MorselIntegrationTest
class DemoCatalogSeedingTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void acmeHasItsProgramsLessonsAndPlayableMedia() throws Exception {
		var token = Api.on(port).token("author@acme.test", "acme");
		var programs = json.readTree(get("/api/v1/programs", token).body());
		assertThat(programs.valueStream().map(p -> p.get("slug").asString()))
			.contains("get-started", "forecasting-launch", "measurable-objectives");
		var inProgram = lessonsOf(programs, "get-started");
		assertThat(inProgram).hasSize(8);

		var firstReport = json.readTree(get("/api/v1/lessons", token).body()).valueStream()
			.filter(l -> l.get("title").asString().equals("Build your first report"))
			.filter(l -> inProgram.contains(l.get("id").asString()))
			.findFirst()
			.orElseThrow();
		var lesson = json.readTree(get("/api/v1/lessons/" + firstReport.get("id").asString(), token).body());
		var video = lesson.get("steps").valueStream()
			.map(s -> s.get("block"))
			.filter(b -> b != null && !b.isNull() && b.get("type").asString().equals("video"))
			.findFirst()
			.orElseThrow();
		var media = video.get("media").asString();
		assertThat(media).doesNotStartWith("demo:");

		var range = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/media/" + media))
			.header("Authorization", "Bearer " + token).header("Range", "bytes=0-3").build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(range.statusCode()).isEqualTo(206);
		assertThat(range.headers().firstValue("Content-Type")).hasValue("video/webm");
		assertThat(range.body()).containsExactly(0x1a, 0x45, 0xdf, 0xa3);
	}

	@Test
	void globexHasItsOwnCatalogAndSeesNoneOfAcmes() throws Exception {
		var globex = Api.on(port).token("author@globex.test", "globex");
		var acme = Api.on(port).token("author@acme.test", "acme");
		var programs = json.readTree(get("/api/v1/programs", globex).body());
		assertThat(programs.valueStream().map(p -> p.get("slug").asString()))
			.contains("warehouse-safety", "returns-and-dispatch")
			.doesNotContain("get-started", "forecasting-launch", "measurable-objectives");
		assertThat(lessonsOf(programs, "warehouse-safety")).hasSize(7);
		assertThat(lessonsOf(programs, "returns-and-dispatch")).hasSize(7);

		var globexTitles = titles(globex);
		assertThat(globexTitles).contains("Walk the floor on the marked routes", "Grade a returned item",
				"Handle a short pick");
		// Other tests add lessons of their own to both organisations: compare with Acme's demo catalog.
		var acmeCatalog = new ArrayList<String>();
		for (var file : new PathMatchingResourcePatternResolver().getResources("classpath:demo/lessons/*.json")) {
			acmeCatalog.add(json.readTree(file.getContentAsString(StandardCharsets.UTF_8)).get("title").asString());
		}
		assertThat(acmeCatalog).hasSize(24);
		assertThat(globexTitles).doesNotContainAnyElementsOf(acmeCatalog);
		var acmeLessons = json.readTree(get("/api/v1/lessons", acme).body());
		assertThat(acmeLessons.valueStream().map(l -> l.get("title").asString()))
			.containsAll(acmeCatalog)
			.doesNotContain("Grade a returned item");

		var acmeLesson = acmeLessons.valueStream()
			.filter(l -> l.get("title").asString().equals("Build your first report"))
			.findFirst()
			.orElseThrow()
			.get("id")
			.asString();
		assertThat(get("/api/v1/lessons/" + acmeLesson, globex).statusCode()).isEqualTo(404);
	}

	private List<String> lessonsOf(JsonNode programs, String slug) {
		return programs.valueStream()
			.filter(p -> p.get("slug").asString().equals(slug))
			.findFirst()
			.orElseThrow()
			.get("lessons")
			.valueStream()
			.map(JsonNode::asString)
			.toList();
	}

	private List<String> titles(String token) throws Exception {
		return json.readTree(get("/api/v1/lessons", token).body()).valueStream().map(l -> l.get("title").asString()).toList();
	}

	private HttpResponse<String> get(String path, String token) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
	}
}
