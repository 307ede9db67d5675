package io.morsel.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import io.morsel.catalog.SkillId;
import io.morsel.catalog.Skills;
import io.morsel.identity.Directory;
import io.morsel.identity.OrganisationProfile;
import io.morsel.identity.UserId;
import io.morsel.reinforcement.Mastering;
import io.morsel.support.Api;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Anyone verifies a credential without signing in: Morsel's own (before and after a key rotation, from any
 * organisation) and a did:key issuer's; a changed, expired or unreadable one does not pass, and nothing is fetched.
 */
@MorselIntegrationTest
class VerificationTests {

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
	void anIssuedCredentialVerifiesForAnyoneAndStillDoesAfterAKeyRotation() {
		var api = Api.on(port);
		var credential = issueByHand("globex");

		var before = verify(api, credential);

		assertThat(before.getStatusCode()).isEqualTo(HttpStatus.OK);
		var checks = json.readTree(before.getBody());
		assertThat(checks.get("verified").asBoolean()).as(before.getBody()).isTrue();
		assertThat(result(checks, "signature")).isEqualTo("success");
		assertThat(result(checks, "validity")).isEqualTo("success");
		assertThat(result(checks, "status")).as("neither revoked nor suspended").isEqualTo("success");
		assertThat(result(checks, "schema")).isEqualTo("success");

		api.post(api.token("admin@globex.test", "globex"), "/api/v1/credentials/issuer-keys", null);
		assertThat(json.readTree(verify(api, credential).getBody()).get("verified").asBoolean()).isTrue();
		var after = issueByHand("globex");
		assertThat(json.readTree(after).get("proof").get("verificationMethod").asString())
			.isNotEqualTo(json.readTree(credential).get("proof").get("verificationMethod").asString());
		assertThat(json.readTree(verify(api, after).getBody()).get("verified").asBoolean()).isTrue();
	}

	@Test
	void aChangedCredentialFailsItsSignatureCheck() {
		var api = Api.on(port);
		var tampered = (ObjectNode) json.readTree(issueByHand("acme"));
		((ObjectNode) tampered.get("credentialSubject").get("achievement")).put("name", "Chief executive");

		var checks = json.readTree(verify(api, tampered.toString()).getBody());

		assertThat(checks.get("verified").asBoolean()).isFalse();
		assertThat(result(checks, "signature")).isEqualTo("failure");
	}

	@Test
	void aDidKeyIssuersCredentialVerifiesUntilItExpires() {
		var api = Api.on(port);
		var valid = didKeyCredential(Instant.now().minus(Duration.ofDays(1)), null);
		var expired = didKeyCredential(Instant.now().minus(Duration.ofDays(10)), Instant.now().minus(Duration.ofDays(1)));

		var checks = json.readTree(verify(api, valid).getBody());
		assertThat(checks.get("verified").asBoolean()).as(checks.toString()).isTrue();
		var expiredChecks = json.readTree(verify(api, expired).getBody());
		assertThat(expiredChecks.get("verified").asBoolean()).isFalse();
		assertThat(result(expiredChecks, "signature")).isEqualTo("success");
		assertThat(result(expiredChecks, "validity")).isEqualTo("failure");
	}

	@Test
	void unreadableOrHugeDocumentsAreRefusedWithoutAFetch() {
		var api = Api.on(port);
		var unknown = (ObjectNode) json.readTree(issueByHand("acme"));
		unknown.set("@context", json.valueToTree(List.of("https://www.w3.org/ns/credentials/v2",
				"http://127.0.0.1:9/evil-context.jsonld")));

		var refused = verify(api, unknown.toString());

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(refused.getBody()).contains("/problems/unreadable-credential", "evil-context.jsonld");
		var undefined = (ObjectNode) json.readTree(issueByHand("acme"));
		undefined.put("trustMe", true);
		assertThat(verify(api, undefined.toString()).getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(verify(api, "[1, 2").getStatusCode().is4xxClientError()).isTrue();
		assertThat(verify(api, "{\"a\": \"" + "x".repeat(400_000) + "\"}").getStatusCode())
			.isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
	}

	@Test
	void theCredentialsPublicPageShowsItAndVerifiesItLive() {
		var credential = json.readTree(issueByHand("acme"));
		var id = credential.get("id").asString().substring("urn:uuid:".length());
		var http = Api.on(port).http();

		var page = http.get().uri("/credentials/" + id).retrieve().toEntity(String.class);

		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(page.getBody()).contains(credential.get("name").asString(), "Verified just now",
				"Mentored three new starters");
		var download = http.get().uri("/credentials/" + id + "/credential.json").retrieve().toEntity(String.class);
		assertThat(json.readTree(download.getBody())).isEqualTo(credential);
		assertThat(http.get().uri("/credentials/" + UUID.randomUUID()).retrieve().toBodilessEntity().getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	/** A credential of a new achievement, awarded by hand to a new learner; its signed JSON. */
	String issueByHand(String organisation) {
		var author = directory.member("author@" + organisation + ".test", organisation).orElseThrow();
		var skill = skills.add(author.organisationId(), "Verified " + UUID.randomUUID().toString().substring(0, 8), null,
				null).id();
		var achievement = achievements.define(author, new NewAchievement(
				"Verifiable " + UUID.randomUUID().toString().substring(0, 8), "Checked by anyone", "An admin says so",
				List.of(skill.value()), List.of(), List.of(new Alignment("ESCO", "https://esco.ec.europa.eu/x", "S1")),
				new java.math.BigDecimal("2.5"), null));
		var learner = mastering.learner(organisation);
		var api = Api.on(port);
		var admin = api.token("admin@" + organisation + ".test", organisation);
		var awarded = json.readTree(api.post(admin, "/api/v1/credentials", Map.of("member",
				learner.memberId().value(), "achievement", achievement.id().value(), "reason",
				"Mentored three new starters")).getBody());
		return api.get(admin, "/api/v1/credentials/" + awarded.get("id").asString()).getBody();
	}

	/** An Open Badges credential signed in the test by a did:key of its own, as a foreign issuer would. */
	String didKeyCredential(Instant validFrom, Instant validUntil) {
		var key = Ed25519.generate();
		var multikey = Multibase.ed25519PublicKey(Ed25519.raw(key.getPublic()));
		var did = "did:key:" + multikey;
		var achievement = new Achievement(AchievementId.random(), directory.organisation("acme").orElseThrow(),
				"Foreign badge", "From elsewhere", new Criteria("Did it", List.of(SkillId.random()), List.of()), List.of(),
				null, null, Instant.now());
		var unsigned = new OpenBadgeCredentials(json, new PublicLinks("https://issuer.example")).unsigned(
				UUID.randomUUID(), new OrganisationProfile(achievement.organisationId(), "elsewhere", "Elsewhere"),
				achievement, new UserId(UUID.randomUUID()), List.of(), validFrom, validUntil, List.of());
		((ObjectNode) unsigned.get("issuer")).put("id", did);
		unsigned.remove("evidence");
		return new DataIntegrityProofs(json).sign(unsigned, did + "#" + multikey, key.getPrivate(), Instant.now())
			.toString();
	}

	private ResponseEntity<String> verify(Api api, String body) {
		return api.http().post().uri("/api/v1/credentials/verify").contentType(MediaType.APPLICATION_JSON).body(body)
			.retrieve().toEntity(String.class);
	}

	private static String result(JsonNode verification, String check) {
		for (var c : verification.get("checks")) {
			if (c.get("check").asString().equals(check)) {
				return c.get("result").asString();
			}
		}
		return "absent";
	}
}
