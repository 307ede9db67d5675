package io.morsel.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import io.morsel.catalog.Skills;
import io.morsel.identity.Directory;
import io.morsel.reinforcement.Mastering;
import io.morsel.support.Api;
import java.util.ArrayList;
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

/**
 * Revocation and suspension through Bitstring Status Lists: every credential names a position in a revocation list
 * and in a suspension list, both signed and public; an admin revokes (for good), suspends and reinstates, and every
 * verifier then sees it. Learners and other organisations' admins change nothing.
 */
@MorselIntegrationTest
class StatusListTests {

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
	void everyCredentialNamesARevocationAndASuspensionEntryInPublicSignedLists() {
		var credential = json.readTree(issued("acme").credential());
		var http = Api.on(port).http();

		var entries = credential.get("credentialStatus");

		assertThat(entries.size()).isEqualTo(2);
		assertThat(List.of(entries.get(0).get("statusPurpose").asString(), entries.get(1).get("statusPurpose")
			.asString())).containsExactlyInAnyOrder("revocation", "suspension");
		for (var entry : entries) {
			assertThat(entry.get("type").asString()).isEqualTo("BitstringStatusListEntry");
			assertThat(entry.get("id").asString()).isEqualTo(entry.get("statusListCredential").asString() + "#"
					+ entry.get("statusListIndex").asString());
			var address = entry.get("statusListCredential").asString();
			var published = http.get().uri(path(address)).retrieve().toEntity(String.class);
			assertThat(published.getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(published.getHeaders().getContentType().toString()).isEqualTo("application/vc");
			var list = json.readTree(published.getBody());
			assertThat(list.get("type").toString()).contains("BitstringStatusListCredential");
			assertThat(list.get("id").asString()).isEqualTo(address);
			assertThat(list.get("issuer").asString()).isEqualTo(credential.get("issuer").get("id").asString());
			assertThat(list.get("credentialSubject").get("statusPurpose").asString())
				.isEqualTo(entry.get("statusPurpose").asString());
			assertThat(list.get("proof").get("cryptosuite").asString()).isEqualTo("eddsa-rdfc-2022");
			var bits = Bitstring.decode(list.get("credentialSubject").get("encodedList").asString(), 1 << 20);
			assertThat(bits.length * 8).as("the specification's minimum size").isGreaterThanOrEqualTo(131_072);
			assertThat(Bitstring.get(bits, Integer.parseInt(entry.get("statusListIndex").asString()))).isFalse();
		}
		assertThat(http.get().uri("/credentials/status/" + UUID.randomUUID()).retrieve().toBodilessEntity()
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void positionsAreDrawnAtRandomSoTheyTellNothingOfIssueOrder() {
		var positions = new ArrayList<Integer>();
		for (var i = 0; i < 4; i++) {
			var entry = json.readTree(issued("globex").credential()).get("credentialStatus").get(0);
			positions.add(Integer.parseInt(entry.get("statusListIndex").asString()));
		}

		assertThat(positions).doesNotHaveDuplicates();
		var consecutive = 0;
		for (var i = 1; i < positions.size(); i++) {
			consecutive += positions.get(i) - positions.get(i - 1) == 1 ? 1 : 0;
		}
		assertThat(consecutive).as(positions.toString()).isLessThan(positions.size() - 1);
	}

	@Test
	void aRevokedCredentialFailsVerificationForGoodAndItsListSaysSo() {
		var api = Api.on(port);
		var admin = api.token("admin@acme.test", "acme");
		var award = issued("acme");

		var revoked = api.post(admin, "/api/v1/credentials/" + award.id() + "/revocation",
				Map.of("reason", "Awarded to the wrong person"));

		assertThat(revoked.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(json.readTree(revoked.getBody()).get("status").asString()).isEqualTo("REVOKED");
		var checks = json.readTree(verify(api, award.credential()).getBody());
		assertThat(checks.get("verified").asBoolean()).isFalse();
		assertThat(check(checks, "status").get("message").asString()).startsWith("Revoked");
		assertThat(check(checks, "signature").get("result").asString()).isEqualTo("success");
		assertThat(published(api, award, "revocation")).isTrue();
		assertThat(api.post(admin, "/api/v1/credentials/" + award.id() + "/revocation", Map.of("reason", "Again"))
			.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(api.post(admin, "/api/v1/credentials/" + award.id() + "/suspension", Map.of("reason", "Also"))
			.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(reinstate(api, admin, award.id()).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		var mine = json.readTree(api.get(admin, "/api/v1/credentials/" + award.id()).getBody());
		assertThat(mine).as("the signed credential itself is unchanged").isEqualTo(json.readTree(award.credential()));
	}

	@Test
	void aSuspendedCredentialFailsVerificationUntilReinstated() {
		var api = Api.on(port);
		var admin = api.token("admin@globex.test", "globex");
		var award = issued("globex");

		var suspended = api.post(admin, "/api/v1/credentials/" + award.id() + "/suspension",
				Map.of("reason", "Under review"));

		assertThat(suspended.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(json.readTree(suspended.getBody()).get("statusReason").asString()).isEqualTo("Under review");
		var checks = json.readTree(verify(api, award.credential()).getBody());
		assertThat(checks.get("verified").asBoolean()).isFalse();
		assertThat(check(checks, "status").get("message").asString()).startsWith("Suspended");
		assertThat(published(api, award, "suspension")).isTrue();
		assertThat(api.post(admin, "/api/v1/credentials/" + award.id() + "/suspension", Map.of("reason", "Again"))
			.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

		var reinstated = reinstate(api, admin, award.id());

		assertThat(reinstated.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(json.readTree(reinstated.getBody()).get("status").asString()).isEqualTo("ACTIVE");
		var after = json.readTree(verify(api, award.credential()).getBody());
		assertThat(after.get("verified").asBoolean()).as(after.toString()).isTrue();
		assertThat(check(after, "status").get("result").asString()).isEqualTo("success");
		assertThat(published(api, award, "suspension")).isFalse();
		assertThat(reinstate(api, admin, award.id()).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
	}

	@Test
	void learnersAndOtherOrganisationsChangeNoStatusAndAReasonIsNeeded() {
		var api = Api.on(port);
		var award = issued("acme");
		var path = "/api/v1/credentials/" + award.id() + "/revocation";

		assertThat(api.post(api.token("learner@acme.test", "acme"), path, Map.of("reason", "Mine"))
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(api.post(api.token("admin@globex.test", "globex"), path, Map.of("reason", "Theirs"))
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		var admin = api.token("admin@acme.test", "acme");
		var blank = api.post(admin, path, Map.of("reason", " "));
		assertThat(blank.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(blank.getHeaders().getContentType().toString()).contains("problem+json");
		assertThat(api.post(admin, "/api/v1/credentials/" + UUID.randomUUID() + "/suspension",
				Map.of("reason", "Nobody")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(json.readTree(verify(api, award.credential()).getBody()).get("verified").asBoolean()).isTrue();
	}

	/** A credential of a new achievement, awarded by hand to a new learner. */
	Issued issued(String organisation) {
		var author = directory.member("author@" + organisation + ".test", organisation).orElseThrow();
		var skill = skills.add(author.organisationId(), "Status " + UUID.randomUUID().toString().substring(0, 8), null,
				null).id();
		var achievement = achievements.define(author, new NewAchievement(
				"Listed " + UUID.randomUUID().toString().substring(0, 8), "Revocable", "An admin says so",
				List.of(skill.value()), List.of(), List.of(), null, null));
		var learner = mastering.learner(organisation);
		var api = Api.on(port);
		var admin = api.token("admin@" + organisation + ".test", organisation);
		var awarded = json.readTree(api.post(admin, "/api/v1/credentials", Map.of("member", learner.memberId().value(),
				"achievement", achievement.id().value(), "reason", "Checked by hand")).getBody());
		var id = UUID.fromString(awarded.get("id").asString());
		return new Issued(id, api.get(admin, "/api/v1/credentials/" + id).getBody());
	}

	/** An issued credential: its id, and its signed JSON as the API serves it. */
	record Issued(UUID id, String credential) {
	}

	/** Whether the credential's bit of this purpose is set in the list as published at its public address. */
	private boolean published(Api api, Issued award, String purpose) {
		for (var entry : json.readTree(award.credential()).get("credentialStatus")) {
			if (entry.get("statusPurpose").asString().equals(purpose)) {
				var list = json.readTree(api.http().get().uri(path(entry.get("statusListCredential").asString()))
					.retrieve().body(String.class));
				var bits = Bitstring.decode(list.get("credentialSubject").get("encodedList").asString(), 1 << 20);
				return Bitstring.get(bits, Integer.parseInt(entry.get("statusListIndex").asString()));
			}
		}
		throw new AssertionError("No " + purpose + " entry");
	}

	/** The path of one of our public addresses: the tests' server listens on another port than morsel.base-url. */
	private static String path(String address) {
		return java.net.URI.create(address).getPath();
	}

	private ResponseEntity<String> reinstate(Api api, String token, UUID id) {
		return api.http().delete().uri("/api/v1/credentials/" + id + "/suspension")
			.header("Authorization", "Bearer " + token).retrieve().toEntity(String.class);
	}

	private ResponseEntity<String> verify(Api api, String body) {
		return api.http().post().uri("/api/v1/credentials/verify").contentType(MediaType.APPLICATION_JSON).body(body)
			.retrieve().toEntity(String.class);
	}

	private static JsonNode check(JsonNode verification, String name) {
		for (var c : verification.get("checks")) {
			if (c.get("check").asString().equals(name)) {
				return c;
			}
		}
		throw new AssertionError("No check " + name + " in " + verification);
	}
}
