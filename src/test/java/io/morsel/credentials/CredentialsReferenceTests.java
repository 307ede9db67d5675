package io.morsel.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import io.morsel.catalog.Skills;
import io.morsel.identity.Directory;
import io.morsel.reinforcement.Mastering;
import io.morsel.support.Api;
import io.morsel.support.NodePackages;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Morsel's credentials against an implementation that shares no code with it: Digital Bazaar's vc, data-integrity and
 * eddsa-rdfc-2022 libraries on Node.js (pinned in src/test/node/credentials, installed with {@code npm ci}) verify
 * what Morsel issued, with the issuer's DID document as Morsel publishes it, and ajv checks them against 1EdTech's
 * OB 3.0 JSON schema; and Morsel verifies a credential those libraries issued with a did:key of their own.
 */
@MorselIntegrationTest
class CredentialsReferenceTests {

	static final Path SOURCE = Path.of("src/test/node/credentials");
	static final Path HOME = Path.of("target/credentials-reference");
	static final String SCHEMA = "ob_v3p0_achievementcredential_schema.json";

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
	void anIndependentVerifierAcceptsMorselsCredentialsAndRefusesAChangedOne() throws Exception {
		var folder = installed();
		var api = Api.on(port);
		var admin = api.token("admin@acme.test", "acme");
		var beforeRotation = issue(api, "acme");
		api.post(admin, "/api/v1/credentials/issuer-keys", null);
		var afterRotation = issue(api, "acme");
		var tampered = (ObjectNode) afterRotation.deepCopy();
		((ObjectNode) tampered.get("credentialSubject").get("achievement")).put("description", "Walks on water");
		var revoked = issue(api, "acme");
		api.post(admin, "/api/v1/credentials/" + idOf(revoked) + "/revocation", Map.of("reason", "Issued in error"));
		var suspended = issue(api, "acme");
		api.post(admin, "/api/v1/credentials/" + idOf(suspended) + "/suspension", Map.of("reason", "Under review"));
		var didDocument = json.readTree(api.http().get().uri("/credentials/issuers/acme/did.json").retrieve()
			.body(String.class));

		var results = run(folder, "verify", Map.of("schema", SCHEMA, "didDocuments", List.of(didDocument),
				"statusLists", statusLists(api, beforeRotation, afterRotation, revoked, suspended),
				"credentials", List.of(Map.of("name", "before rotation", "credential", beforeRotation),
						Map.of("name", "after rotation", "credential", afterRotation),
						Map.of("name", "tampered", "credential", tampered),
						Map.of("name", "revoked", "credential", revoked),
						Map.of("name", "suspended", "credential", suspended))))
			.get("results");

		assertThat(afterRotation.get("validUntil").asString()).as("a 365-day validity period").isNotEmpty();
		for (var i = 0; i < 2; i++) {
			assertThat(results.get(i).get("verified").asBoolean()).as(results.get(i).toString()).isTrue();
			assertThat(results.get(i).get("current").asBoolean()).as(results.get(i).toString()).isTrue();
			assertThat(results.get(i).get("statuses").toString()).isEqualTo(
					"{\"revocation\":false,\"suspension\":false}");
			assertThat(results.get(i).get("schemaValid").asBoolean()).as(results.get(i).toString()).isTrue();
		}
		assertThat(results.get(2).get("verified").asBoolean()).isFalse();
		assertThat(results.get(3).get("current").asBoolean()).as(results.get(3).toString()).isFalse();
		assertThat(results.get(3).get("statuses").get("revocation").asBoolean()).isTrue();
		assertThat(results.get(4).get("current").asBoolean()).as(results.get(4).toString()).isFalse();
		assertThat(results.get(4).get("statuses").get("suspension").asBoolean()).isTrue();
		assertThat(results.get(4).get("statuses").get("revocation").asBoolean()).isFalse();
	}

	@Test
	void morselVerifiesACredentialTheIndependentImplementationIssuedAndRefusesItChanged() throws Exception {
		var folder = installed();
		var issued = run(folder, "issue", Map.of()).get("credential");
		assertThat(issued.get("issuer").get("id").asString()).startsWith("did:key:z6Mk");
		var api = Api.on(port);

		var checks = json.readTree(verify(api, issued.toString()));

		assertThat(checks.get("verified").asBoolean()).as(checks.toString()).isTrue();
		var tampered = (ObjectNode) issued.deepCopy();
		tampered.put("name", "Another badge");
		assertThat(json.readTree(verify(api, tampered.toString())).get("verified").asBoolean()).isFalse();
	}

	/** The status list credentials the credentials name, as their public addresses serve them. */
	private List<JsonNode> statusLists(Api api, JsonNode... credentials) {
		var addresses = new java.util.LinkedHashSet<String>();
		for (var credential : credentials) {
			credential.get("credentialStatus").forEach(e -> addresses.add(e.get("statusListCredential").asString()));
		}
		return addresses.stream()
			.map(address -> json.readTree(api.http().get().uri(java.net.URI.create(address).getPath()).retrieve()
				.body(String.class)))
			.toList();
	}

	private static String idOf(JsonNode credential) {
		return credential.get("id").asString().substring("urn:uuid:".length());
	}

	private Path installed() throws Exception {
		return NodePackages.installed(SOURCE, HOME, List.of("package.json", "package-lock.json", "check.mjs", SCHEMA),
				"@digitalbazaar/vc-bitstring-status-list");
	}

	private JsonNode run(Path folder, String command, Object job) throws Exception {
		var name = command + "-" + UUID.randomUUID();
		Files.writeString(folder.resolve(name + ".json"), json.writeValueAsString(job));
		NodePackages.run(folder, 300, "node", "check.mjs", command, name + ".json",
				name + ".out.json");
		return json.readTree(Files.readString(folder.resolve(name + ".out.json")));
	}

	/** A credential of a new achievement with an alignment and credit hours, awarded by hand to a new learner. */
	private JsonNode issue(Api api, String organisation) {
		var author = directory.member("author@" + organisation + ".test", organisation).orElseThrow();
		var skill = skills.add(author.organisationId(), "Reference " + UUID.randomUUID().toString().substring(0, 8),
				null, null).id();
		var achievement = achievements.define(author, new NewAchievement(
				"Reference " + UUID.randomUUID().toString().substring(0, 8), "Checked elsewhere", "An admin says so",
				List.of(skill.value()), List.of(),
				List.of(new Alignment("ESCO negotiate", "https://esco.ec.europa.eu/en/skill/1", "S1.2")),
				new BigDecimal("1.5"), 365));
		var learner = mastering.learner(organisation);
		var admin = api.token("admin@" + organisation + ".test", organisation);
		var awarded = api.post(admin, "/api/v1/credentials", Map.of("member", learner.memberId().value(),
				"achievement", achievement.id().value(), "reason", "Checked by hand"));
		assertThat(awarded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		var id = json.readTree(awarded.getBody()).get("id").asString();
		return json.readTree(api.get(admin, "/api/v1/credentials/" + id).getBody());
	}

	private String verify(Api api, String body) {
		return api.http().post().uri("/api/v1/credentials/verify").contentType(MediaType.APPLICATION_JSON).body(body)
			.retrieve().body(String.class);
	}
}
