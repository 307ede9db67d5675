package io.morsel.credentials;

import static io.morsel.support.Csrf.csrf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import io.morsel.MorselIntegrationTest;
import io.morsel.catalog.Skills;
import io.morsel.identity.Directory;
import io.morsel.identity.SignedIn;
import io.morsel.support.Api;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * An achievement's own image, uploaded by an author in place of the drawn badge: a PNG or an inert SVG is served at
 * the image address every credential names and is the base of the baked PNG; anything else is refused with a problem
 * that says why.
 */
@MorselIntegrationTest
class AchievementImageUploadTests {

	private static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");

	@LocalServerPort
	int port;

	@Autowired
	Directory directory;

	@Autowired
	Skills skills;

	@Autowired
	Achievements achievements;

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Test
	void anUploadedPngIsServedForTheAchievementAndIsWhatTheBakedPngIsMadeOf() {
		var api = Api.on(port);
		var author = api.token("author@acme.test", "acme");
		var achievement = define("acme");
		var png = AchievementImages.png("Our own", "a-colour-of-our-own");

		var uploaded = put(api, author, achievement, MediaType.IMAGE_PNG, png);

		assertThat(uploaded.getStatusCode().value()).as(uploaded.getBody()).isEqualTo(200);
		assertThat(json.readTree(uploaded.getBody()).get("mediaType").asString()).isEqualTo("image/png");
		var served = api.http().get().uri("/credentials/achievements/" + achievement.id().value() + "/image.svg")
			.retrieve().toEntity(byte[].class);
		assertThat(served.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
		assertThat(served.getBody()).isEqualTo(png);
		var admin = api.token("admin@acme.test", "acme");
		var learner = directory.people(achievement.organisationId()).stream()
			.filter(p -> p.email().startsWith("learner")).findFirst().orElseThrow();
		var award = json.readTree(api.post(admin, "/api/v1/credentials", Map.of("member", learner.id().value(),
				"achievement", achievement.id().value(), "reason", "For the image")).getBody());
		var baked = api.http().get().uri("/credentials/" + award.get("id").asString() + "/credential.png").retrieve()
			.body(byte[].class);
		assertThat(BakedImages.fromPng(baked)).isPresent();
		assertThat(pixels(baked)).isEqualTo(pixels(png));
	}

	@Test
	void anInertSvgIsServedAsSvg() {
		var api = Api.on(port);
		var achievement = define("acme");
		var svg = """
				<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">
				<defs><linearGradient id="g"><stop offset="0" stop-color="teal"/></linearGradient></defs>
				<circle cx="5" cy="5" r="4" fill="url(#g)"/><use xlink:href="#g"/></svg>""";

		var uploaded = put(api, api.token("author@acme.test", "acme"), achievement, SVG,
				svg.getBytes(StandardCharsets.UTF_8));

		assertThat(uploaded.getStatusCode().value()).as(uploaded.getBody()).isEqualTo(200);
		var served = api.http().get().uri("/credentials/achievements/" + achievement.id().value() + "/image.svg")
			.retrieve().toEntity(String.class);
		assertThat(served.getHeaders().getContentType().toString()).startsWith("image/svg+xml");
		assertThat(served.getBody()).isEqualTo(svg);
	}

	@Test
	void refusesScriptsHandlersOutsideReferencesAndWhatIsNoImageWithAProblemThatSaysWhy() {
		var api = Api.on(port);
		var author = api.token("author@acme.test", "acme");
		var achievement = define("acme");
		var refused = Map.of(
				"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>", "<script>",
				"<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>", "event handlers",
				"<svg xmlns=\"http://www.w3.org/2000/svg\"><a href=\"javascript:alert(1)\"><circle r=\"1\"/></a></svg>",
				"refer",
				"<svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"https://tracker.example/p.png\"/></svg>", "refer",
				"<svg xmlns=\"http://www.w3.org/2000/svg\"><foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\"/>"
						+ "</foreignObject></svg>", "<foreignObject>",
				"<svg xmlns=\"http://www.w3.org/2000/svg\"><style>@import url(https://x.example/a.css);</style></svg>",
				"style",
				"<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><svg xmlns=\"http://www.w3.org/2000/svg\">&x;</svg>",
				"SVG",
				"<html xmlns=\"http://www.w3.org/1999/xhtml\"/>", "neither",
				"GIF89a not an image", "SVG");
		refused.forEach((body, why) -> {
			var response = put(api, author, achievement, SVG, body.getBytes(StandardCharsets.UTF_8));
			assertThat(response.getStatusCode().value()).as(body).isEqualTo(422);
			var problem = json.readTree(response.getBody());
			assertThat(problem.get("type").asString()).endsWith("/problems/unusable-image");
			assertThat(problem.get("detail").asString()).as(body).contains(why);
		});
		var broken = Arrays.copyOf(AchievementImages.png("Cut short", "acme"), 60);
		assertThat(put(api, author, achievement, MediaType.IMAGE_PNG, broken).getStatusCode().value()).isEqualTo(422);
		var huge = new byte[300 * 1024];
		assertThat(put(api, author, achievement, MediaType.IMAGE_PNG, huge).getStatusCode().value()).isEqualTo(413);
		assertThat(api.http().get().uri("/credentials/achievements/" + achievement.id().value() + "/image.svg")
			.retrieve().body(String.class)).as("the drawn badge stays").contains("<circle");
	}

	@Test
	void onlyAuthorsAndAdminsOfTheAchievementsOrganisationUploadItsImage() {
		var api = Api.on(port);
		var achievement = define("acme");
		var png = AchievementImages.png("Mine", "acme");

		assertThat(put(api, api.token("author@globex.test", "globex"), achievement, MediaType.IMAGE_PNG, png)
			.getStatusCode().value()).isEqualTo(404);
		var learner = directory.people(achievement.organisationId()).stream()
			.filter(p -> p.email().startsWith("learner")).findFirst().orElseThrow();
		assertThat(put(api, api.token(learner.email(), "acme"), achievement, MediaType.IMAGE_PNG, png)
			.getStatusCode().value()).isEqualTo(403);
	}

	@Test
	void theStudioFormUploadsAnImageAndShowsWhyOneIsRefused() throws Exception {
		var achievement = define("acme");
		var author = directory.member("author@acme.test", "acme").orElseThrow();
		var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"4\" height=\"4\"/></svg>";

		mvc.perform(multipart("/studio/achievements/" + achievement.id().value() + "/image")
			.file(new MockMultipartFile("image", "badge.svg", "image/svg+xml", svg.getBytes(StandardCharsets.UTF_8)))
			.with(SignedIn.as(author)).with(csrf()))
			.andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/studio/achievements"));
		var page = mvc.perform(multipart("/studio/achievements/" + achievement.id().value() + "/image")
			.file(new MockMultipartFile("image", "evil.svg", "image/svg+xml",
					"<svg xmlns=\"http://www.w3.org/2000/svg\" onclick=\"x()\"/>".getBytes(StandardCharsets.UTF_8)))
			.with(SignedIn.as(author)).with(csrf())).andReturn().getResponse().getContentAsString();

		assertThat(page).contains("role=\"alert\"", "event handlers");
		assertThat(Api.on(port).http().get().uri("/credentials/achievements/" + achievement.id().value()
				+ "/image.svg").retrieve().body(String.class)).isEqualTo(svg);
	}

	private ResponseEntity<String> put(Api api, String token, Achievement achievement, MediaType type, byte[] body) {
		return api.http().put().uri("/api/v1/achievements/" + achievement.id().value() + "/image")
			.header("Authorization", "Bearer " + token).contentType(type).body(body).retrieve().toEntity(String.class);
	}

	private Achievement define(String organisation) {
		var author = directory.member("author@" + organisation + ".test", organisation).orElseThrow();
		var skill = skills.add(author.organisationId(), "Imaged " + UUID.randomUUID().toString().substring(0, 8), null,
				null).id();
		return achievements.define(author, new NewAchievement("Imaged " + UUID.randomUUID().toString().substring(0, 8),
				"With its own image", "Shows it", List.of(skill.value()), List.of(), List.of(), null, null));
	}

	private static int[] pixels(byte[] png) {
		try {
			var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
			return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
