package io.morsel.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import io.morsel.catalog.Skills;
import io.morsel.identity.Directory;
import io.morsel.reinforcement.Mastering;
import io.morsel.support.Api;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The baked badges a holder downloads from the public page and from their achievements page: the credential taken
 * back out of the PNG and out of the SVG is the one issued, byte for byte, and verifies.
 */
@MorselIntegrationTest
class BakingTests {

	@LocalServerPort
	int port;

	@Autowired
	Mastering mastering;

	@Autowired
	Skills skills;

	@Autowired
	Directory directory;

	@Autowired
	Achievements achievements;

	@Autowired
	JsonMapper json;

	@Test
	void theCredentialComesBackOutOfTheBakedPngAndSvgAndVerifies() {
		var api = Api.on(port);
		var issued = issue("acme");
		var id = json.readTree(issued).get("id").asString().substring("urn:uuid:".length());
		var anyone = api.http();

		var png = anyone.get().uri("/credentials/" + id + "/credential.png").retrieve().toEntity(byte[].class);
		var svg = anyone.get().uri("/credentials/" + id + "/credential.svg").retrieve().toEntity(byte[].class);

		assertThat(png.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
		assertThat(svg.getHeaders().getContentType().toString()).startsWith("image/svg+xml");
		var fromPng = BakedImages.fromPng(png.getBody()).orElseThrow();
		var fromSvg = BakedImages.fromSvg(new String(svg.getBody(), StandardCharsets.UTF_8)).orElseThrow();
		assertThat(fromPng).isEqualTo(issued);
		assertThat(fromSvg).isEqualTo(issued);
		for (var extracted : List.of(fromPng, fromSvg)) {
			var result = json.readTree(anyone.post().uri("/api/v1/credentials/verify")
				.contentType(MediaType.APPLICATION_JSON).body(extracted).retrieve().body(String.class));
			assertThat(result.get("verified").asBoolean()).as(result.toString()).isTrue();
		}
	}

	@Test
	void theHoldersPageAndThePublicPageOfferBothBakedImages() {
		var api = Api.on(port);
		var issued = issue("globex");
		var id = json.readTree(issued).get("id").asString().substring("urn:uuid:".length());

		var page = api.http().get().uri("/credentials/" + id).retrieve().body(String.class);

		assertThat(page).contains("/credentials/" + id + "/credential.png", "/credentials/" + id + "/credential.svg");
		assertThat(api.http().get().uri("/credentials/" + UUID.randomUUID() + "/credential.png").retrieve()
			.onStatus(s -> true, (request, response) -> {
			}).toBodilessEntity().getStatusCode().value()).isEqualTo(404);
	}

	/** A credential of a new achievement, awarded by hand to a new learner; its signed JSON as the API returns it. */
	private String issue(String organisation) {
		var author = directory.member("author@" + organisation + ".test", organisation).orElseThrow();
		var skill = skills.add(author.organisationId(), "Baked " + UUID.randomUUID().toString().substring(0, 8), null,
				null).id();
		var achievement = achievements.define(author, new NewAchievement(
				"Baked " + UUID.randomUUID().toString().substring(0, 8), "Carried in its image", "An admin says so",
				List.of(skill.value()), List.of(), List.of(), null, null));
		var learner = mastering.learner(organisation);
		var api = Api.on(port);
		var admin = api.token("admin@" + organisation + ".test", organisation);
		var awarded = json.readTree(api.post(admin, "/api/v1/credentials", Map.of("member",
				learner.memberId().value(), "achievement", achievement.id().value(), "reason", "Baked by hand"))
			.getBody());
		return api.get(admin, "/api/v1/credentials/" + awarded.get("id").asString()).getBody();
	}
}
