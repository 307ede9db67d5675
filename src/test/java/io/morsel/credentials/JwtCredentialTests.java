package io.morsel.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.Base64URL;
import io.morsel.MorselIntegrationTest;
import io.morsel.catalog.Skills;
import io.morsel.identity.Directory;
import io.morsel.reinforcement.Mastering;
import io.morsel.support.Api;
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
 * The same credential as a VC-JOSE-COSE JWT: Nimbus's own Ed25519 verifier (Google Tink), given nothing but the JWK set
 * the issuer publishes, accepts it; its kid is a key of the did:web document; Morsel's verifier takes both forms and
 * refuses a changed JWT.
 */
@MorselIntegrationTest
class JwtCredentialTests {

	static final MediaType VC_JWT = MediaType.parseMediaType("application/vc+jwt");

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
	void theJwtVerifiesWithNothingButThePublishedJwkSet() throws Exception {
		var api = Api.on(port);
		var admin = api.token("admin@globex.test", "globex");
		var id = issuedByHand(api, admin, "globex");

		var answer = api.http().get().uri("/api/v1/credentials/" + id).header("Authorization", "Bearer " + admin)
			.accept(VC_JWT).retrieve().toEntity(String.class);

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(answer.getHeaders().getContentType().isCompatibleWith(VC_JWT)).isTrue();
		var jws = JWSObject.parse(answer.getBody());
		assertThat(jws.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.EdDSA);
		assertThat(jws.getHeader().getType().getType()).isEqualTo("vc+jwt");
		var kid = jws.getHeader().getKeyID();
		var jwks = JWKSet.parse(api.http().get().uri("/credentials/issuers/globex/jwks.json").retrieve()
			.body(String.class));
		var key = jwks.getKeyByKeyId(kid);
		assertThat(key).as("the kid names a key of the published JWK set").isNotNull();
		assertThat(jws.verify(new Ed25519Verifier(key.toOctetKeyPair()))).isTrue();
		var did = json.readTree(api.http().get().uri("/credentials/issuers/globex/did.json").retrieve()
			.body(String.class));
		assertThat(did.get("assertionMethod").toString()).contains(kid);
		var credential = (ObjectNode) json.readTree(api.get(admin, "/api/v1/credentials/" + id).getBody());
		credential.remove("proof");
		assertThat(json.readTree(jws.getPayload().toString())).as("the credential without its proof")
			.isEqualTo(credential);
		assertThat(api.http().get().uri("/credentials/" + id + "/credential.jwt").retrieve().body(String.class))
			.as("the public download").isEqualTo(answer.getBody());
		assertThat(api.http().get().uri("/api/v1/credentials/" + id)
			.header("Authorization", "Bearer " + api.token("admin@acme.test", "acme")).accept(VC_JWT).retrieve()
			.toBodilessEntity().getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void morselVerifiesTheJwtAndRefusesItChangedOrRevoked() throws Exception {
		var api = Api.on(port);
		var admin = api.token("admin@acme.test", "acme");
		var id = issuedByHand(api, admin, "acme");
		var jwt = api.http().get().uri("/api/v1/credentials/" + id).header("Authorization", "Bearer " + admin)
			.accept(VC_JWT).retrieve().body(String.class);

		var checks = json.readTree(verify(api, jwt).getBody());

		assertThat(checks.get("verified").asBoolean()).as(checks.toString()).isTrue();
		assertThat(check(checks, "signature").get("message").asString()).contains("JWS");
		var parts = jwt.split("\\.");
		var changed = (ObjectNode) json.readTree(new Payload(Base64URL.from(parts[1])).toString());
		changed.put("name", "Chief executive");
		var tampered = parts[0] + "." + Base64URL.encode(json.writeValueAsString(changed)) + "." + parts[2];
		var tamperedChecks = json.readTree(verify(api, tampered).getBody());
		assertThat(tamperedChecks.get("verified").asBoolean()).isFalse();
		assertThat(check(tamperedChecks, "signature").get("result").asString()).isEqualTo("failure");
		var garbage = verify(api, "not.a-jws");
		assertThat(garbage.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(garbage.getBody()).contains("/problems/unreadable-credential");

		api.post(admin, "/api/v1/credentials/" + id + "/revocation", Map.of("reason", "Issued in error"));

		var revoked = json.readTree(verify(api, jwt).getBody());
		assertThat(revoked.get("verified").asBoolean()).isFalse();
		assertThat(check(revoked, "status").get("message").asString()).startsWith("Revoked");
	}

	private UUID issuedByHand(Api api, String admin, String organisation) {
		var author = directory.member("author@" + organisation + ".test", organisation).orElseThrow();
		var skill = skills.add(author.organisationId(), "Jose " + UUID.randomUUID().toString().substring(0, 8), null,
				null).id();
		var achievement = achievements.define(author, new NewAchievement(
				"Signed twice " + UUID.randomUUID().toString().substring(0, 8), "In two forms", "An admin says so",
				List.of(skill.value()), List.of(), List.of(), null, 365));
		var learner = mastering.learner(organisation);
		var awarded = json.readTree(api.post(admin, "/api/v1/credentials", Map.of("member", learner.memberId().value(),
				"achievement", achievement.id().value(), "reason", "Checked by hand")).getBody());
		return UUID.fromString(awarded.get("id").asString());
	}

	private ResponseEntity<String> verify(Api api, String jwt) {
		return api.http().post().uri("/api/v1/credentials/verify").contentType(VC_JWT).body(jwt).retrieve()
			.toEntity(String.class);
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
