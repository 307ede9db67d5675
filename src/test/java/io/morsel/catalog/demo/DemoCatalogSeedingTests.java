package io.morsel.catalog.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import io.morsel.support.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Each demo organisation starts with the demo catalog, its media uploaded and playable. */
@MorselIntegrationTest
class DemoCatalogSeedingTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Test
	void demoOrganisationsHaveTheProgramsLessonsAndPlayableMedia() throws Exception {
		for (var organisation : new String[] { "acme", "globex" }) {
			var token = Api.on(port).token("author@" + organisation + ".test", organisation);
			var http = HttpClient.newHttpClient();
			var programs = json.readTree(get(http, "/api/v1/programs", token).body());
			var getStarted = programs.valueStream()
				.filter(p -> p.get("slug").asString().equals("get-started"))
				.findFirst()
				.orElseThrow();
			var inProgram = getStarted.get("lessons").valueStream().map(JsonNode::asString).toList();
			assertThat(inProgram).hasSize(8);

			var firstReport = json.readTree(get(http, "/api/v1/lessons", token).body()).valueStream()
				.filter(l -> l.get("title").asString().equals("Build your first report"))
				.filter(l -> inProgram.contains(l.get("id").asString()))
				.findFirst()
				.orElseThrow();
			var lesson = json.readTree(get(http, "/api/v1/lessons/" + firstReport.get("id").asString(), token).body());
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
	}

	private HttpResponse<String> get(HttpClient http, String path, String token) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
	}
}
