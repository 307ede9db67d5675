package io.morsel.catalog;

import static io.morsel.support.Csrf.csrf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import io.morsel.MorselIntegrationTest;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.identity.SignedIn;
import io.morsel.support.Api;
import io.morsel.support.People;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * A lesson's cover belongs to one of its versions, since a published version never changes: an upload goes to the
 * draft (opening one after a published version), learners see it in the catalog once it is published, and a later
 * upload to the next draft leaves the published version's cover as it was.
 */
@MorselIntegrationTest
class LessonCoverTests {

	/** A 1×1 lossless WebP image. */
	private static final byte[] WEBP = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Directory directory;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	Lessons lessons;

	@Autowired
	JsonMapper json;

	@LocalServerPort
	int port;

	String slug;
	CurrentMember author;
	CurrentMember learner;
	LessonId lesson;

	@BeforeEach
	void anOrganisationWithAPublishedLesson() {
		slug = "lesson-cover-" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.sql("INSERT INTO organisations (id, slug, name, created_at) VALUES (?, ?, ?, ?)")
			.params(UUID.randomUUID(), slug, "Lesson covers " + slug, OffsetDateTime.now()).update();
		author = People.member(jdbc, directory, slug, "UTC", "Aura Author", "AUTHOR");
		jdbc.sql("UPDATE users SET password_hash = ? WHERE id = ?")
			.params(passwords.encode("morsel-demo"), author.userId().value()).update();
		learner = People.learner(jdbc, directory, slug, "UTC", "Lee Learner");
		lesson = lessons.create(author, new LessonContent("Plan a route", new Objective("Plan a day's route."), 3,
				List.of(), List.of(new Block.Text("Start with the farthest stop.")))).lessonId();
		lessons.publish(author, lesson);
	}

	@Test
	void aCoverGoesToTheDraftAndLearnersSeeItOnceItIsPublishedWhileTheVersionBeforeKeepsItsOwn() throws Exception {
		var api = Api.on(port);
		var token = api.token(author.email(), slug);
		var png = png();
		var first = cover(page(learner, "/catalog"));
		assertThat(first).startsWith("/covers/lessons/" + lesson.value() + "/1?v=p");

		var uploaded = putCover(api, token, MediaType.IMAGE_PNG, png);

		assertThat(uploaded.getStatusCode().value()).as(uploaded.getBody()).isEqualTo(200);
		assertThat(json.readTree(uploaded.getBody()).get("version").asInt()).as("a draft after version 1").isEqualTo(2);
		assertThat(cover(page(learner, "/catalog"))).as("not before it is published").isEqualTo(first);

		lessons.publish(author, lesson);

		var second = cover(page(learner, "/catalog"));
		assertThat(second).startsWith("/covers/lessons/" + lesson.value() + "/2?v=u");
		var served = fetch(learner, second);
		assertThat(served.getContentType()).isEqualTo("image/png");
		assertThat(served.getContentAsByteArray()).isEqualTo(png);
		assertThat(served.getHeader("Cache-Control")).contains("max-age=31536000", "private");

		assertThat(putCover(api, token, MediaType.valueOf("image/webp"), WEBP).getStatusCode().value()).isEqualTo(200);

		assertThat(fetch(learner, second).getContentAsByteArray()).as("version 2 keeps its cover").isEqualTo(png);
		assertThat(fetch(learner, "/covers/lessons/" + lesson.value() + "/3").getContentType()).isEqualTo("image/webp");
		assertThat(fetch(learner, first).getContentType()).as("version 1 still shows its pattern")
			.isEqualTo("image/svg+xml");
	}

	@Test
	void aRefusedCoverStoresNothingAndOpensNoDraftAndOtherOrganisationsFindNone() throws Exception {
		var api = Api.on(port);
		var token = api.token(author.email(), slug);

		var refused = putCover(api, token, MediaType.IMAGE_PNG, "GIF89a".getBytes(StandardCharsets.ISO_8859_1));
		var form = mvc.perform(multipart("/studio/lessons/" + lesson.value() + "/cover")
			.file(new MockMultipartFile("cover", "cover.svg", "image/svg+xml",
					"<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8)))
			.with(SignedIn.as(author)).with(csrf())).andReturn().getResponse();

		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(json.readTree(refused.getBody()).get("detail").asString())
			.isEqualTo("The image is not a PNG, JPEG, WebP or SVG image");
		assertThat(form.getStatus()).isEqualTo(200);
		assertThat(form.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"cover-error\"",
				"An SVG image may not have event handlers (onload)");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM lesson_covers WHERE lesson_id = ?").param(lesson.value())
			.query(Integer.class).single()).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM lessons WHERE id = ? AND draft_version IS NOT NULL")
			.param(lesson.value()).query(Integer.class).single()).as("no draft opened").isZero();

		var outsider = People.learner(jdbc, directory, "globex", "UTC", "Otto Outsider");
		assertThat(fetch(outsider, "/covers/lessons/" + lesson.value() + "/1").getStatus()).isEqualTo(404);
	}

	private ResponseEntity<String> putCover(Api api, String token, MediaType type, byte[] body) {
		return api.http().put().uri("/api/v1/lessons/" + lesson.value() + "/draft/cover")
			.header("Authorization", "Bearer " + token).contentType(type).body(body).retrieve()
			.toEntity(String.class);
	}

	/** The address of the lesson's cover in the catalog, which shows this organisation's one lesson. */
	private static String cover(String page) {
		var found = Pattern.compile("<img class=\"cover\" src=\"(/covers/lessons/[^\"]+)\"\\s+alt=\"\"").matcher(page);
		assertThat(found.find()).as("a lesson cover with an empty alternative text").isTrue();
		return found.group(1).replace("&amp;", "&");
	}

	private MockHttpServletResponse fetch(CurrentMember member, String path) throws Exception {
		return mvc.perform(get(path).with(SignedIn.as(member))).andReturn().getResponse();
	}

	private String page(CurrentMember member, String path) throws Exception {
		return fetch(member, path).getContentAsString(StandardCharsets.UTF_8);
	}

	private static byte[] png() throws Exception {
		var out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(32, 18, BufferedImage.TYPE_INT_RGB), "png", out);
		return out.toByteArray();
	}
}
