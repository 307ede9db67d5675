package io.morsel.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import io.morsel.support.Api;
import io.morsel.support.Eventually;
import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * The words inside a lesson's image are found, through Tesseract run when the lesson is indexed; what it read is kept
 * by the image's hash, so a rebuild reads it back instead of recognising the image again.
 */
@MorselIntegrationTest
class ImageTextTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	ChangeLog changes;

	@Autowired
	ChangeFollower follower;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aWordOnlyInAnImageFindsTheLessonAtTheImage() throws IOException {
		Indexed.await(changes, follower);
		var api = Api.on(port);
		var author = api.token("author@acme.test", "acme");
		var learner = api.token("learner@acme.test", "acme");
		var admin = api.token("admin@acme.test", "acme");
		var media = upload(api, author, slide("PERIWINKLE LEDGER"));
		var lesson = publish(api, author, media);

		Eventually.await(() -> api.get(learner, "/api/v1/search?q=periwinkle").getBody().contains(lesson));
		var found = JSON.readTree(api.get(learner, "/api/v1/search?q=periwinkle").getBody()).at("/results/0");
		assertThat(found.at("/lessonId").asString()).isEqualTo(lesson);
		assertThat(found.at("/kind").asString()).isEqualTo("image");
		assertThat(found.at("/link").asString()).isEqualTo("/lessons/" + lesson + "?step=1#step-1");
		// Another organisation's learner never finds it, not even by a word only its image holds.
		var globex = api.token("learner@globex.test", "globex");
		assertThat(api.get(globex, "/api/v1/search?q=periwinkle").getBody()).doesNotContain(lesson);

		// A rebuild reads the kept text rather than recognising the image again: change what was kept, and the
		// lesson is found by the kept words.
		var sha256 = jdbc.sql("SELECT sha256 FROM media WHERE id = CAST(:id AS uuid)").param("id", media)
			.query(String.class).single();
		assertThat(jdbc.sql("SELECT text FROM search_image_texts WHERE sha256 = :sha256").param("sha256", sha256)
			.query(String.class).single()).containsIgnoringCase("periwinkle");
		jdbc.sql("UPDATE search_image_texts SET text = 'CORMORANT LEDGER' WHERE sha256 = :sha256")
			.param("sha256", sha256)
			.update();
		assertThat(api.post(admin, "/api/v1/search/rebuild", null).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		Eventually.await(() -> api.get(learner, "/api/v1/search?q=cormorant").getBody().contains(lesson));
	}

	/** Black words on white, as on a slide. */
	private static byte[] slide(String words) throws IOException {
		var image = new BufferedImage(900, 200, BufferedImage.TYPE_INT_RGB);
		var graphics = image.createGraphics();
		graphics.setColor(Color.WHITE);
		graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
		graphics.setColor(Color.BLACK);
		graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		graphics.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 64));
		graphics.drawString(words, 40, 125);
		graphics.dispose();
		var png = new ByteArrayOutputStream();
		ImageIO.write(image, "png", png);
		return png.toByteArray();
	}

	private static String upload(Api api, String author, byte[] png) {
		var parts = new LinkedMultiValueMap<String, Object>();
		parts.add("file", new ByteArrayResource(png) {

			@Override
			public String getFilename() {
				return "slide.png";
			}
		});
		var uploaded = api.http()
			.post()
			.uri("/api/v1/media")
			.header("Authorization", "Bearer " + author)
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(parts)
			.retrieve()
			.toEntity(String.class);
		assertThat(uploaded.getStatusCode()).as(uploaded.getBody()).isEqualTo(HttpStatus.CREATED);
		return JSON.readTree(uploaded.getBody()).at("/id").asString();
	}

	/** A lesson of a text, the image (step 1, with an alternative text that says nothing of its words) and a check. */
	private static String publish(Api api, String author, String media) {
		var check = Map.of("type", "single-choice", "id", "check", "prompt", "Which is so?", "assessesObjective", true,
				"options", List.of(Map.of("id", "a", "text", "This", "correct", true, "feedback", "Yes."),
						Map.of("id", "b", "text", "That", "correct", false, "feedback", "No.")));
		var lesson = Map.of("title", "Read the month-end slide", "objective", "Explain what the month-end slide shows.",
				"estimatedMinutes", 3, "skills", List.of(), "blocks",
				List.of(Map.of("type", "text", "markdown", "Look at the slide below."),
						Map.of("type", "image", "media", media, "alt", "A slide from the month-end meeting"),
						Map.of("type", "interaction", "interaction", check)));
		var created = api.post(author, "/api/v1/lessons", lesson);
		assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
		var id = JSON.readTree(created.getBody()).at("/id").asString();
		var published = api.post(author, "/api/v1/lessons/" + id + "/publish", null);
		assertThat(published.getStatusCode()).as(published.getBody()).isEqualTo(HttpStatus.OK);
		return id;
	}
}
