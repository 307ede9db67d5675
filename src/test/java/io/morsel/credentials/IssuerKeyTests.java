package io.morsel.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import io.morsel.MorselIntegrationTest;
import io.morsel.identity.Directory;
import io.morsel.support.Api;
import java.util.ArrayList;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each organisation's issuer key is made on first use, rests sealed, and is published without sign-in as a did:web
 * document and a JWK set; after a rotation both keys stay published and only the new one is current.
 */
@MorselIntegrationTest
class IssuerKeyTests {

	/** The DER prefix of an Ed25519 PKCS#8 private key: a key stored in plain would start with it. */
	static final String PKCS8_PREFIX = "302e020100300506032b657004220420";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Directory directory;

	@Autowired
	JsonMapper json;

	@Test
	void theIssuerPublishesItsKeyAsADidWebDocumentAndAJwkSet() {
		var api = Api.on(port);

		var did = read(api, "/credentials/issuers/globex/did.json", "application/did+json");
		var jwks = read(api, "/credentials/issuers/globex/jwks.json", "application/jwk-set+json");

		assertThat(did.get("id").asString()).startsWith("did:web:localhost").endsWith(":credentials:issuers:globex");
		var method = did.get("verificationMethod").get(0);
		assertThat(method.get("type").asString()).isEqualTo("Multikey");
		assertThat(method.get("publicKeyMultibase").asString()).startsWith("z6Mk");
		assertThat(did.get("assertionMethod").get(0).asString()).isEqualTo(method.get("id").asString());
		var jwk = jwks.get("keys").get(0);
		assertThat(jwk.get("kty").asString()).isEqualTo("OKP");
		assertThat(jwk.get("crv").asString()).isEqualTo("Ed25519");
		assertThat(jwk.get("kid").asString()).isEqualTo(method.get("id").asString());
		assertThat(jwk.has("d")).isFalse();
		var profile = read(api, "/credentials/issuers/globex", "application/json");
		assertThat(profile.get("name").asString()).isEqualTo(directory.profile("globex").orElseThrow().name());
		assertThat(api.http().get().uri("/credentials/issuers/nobody/did.json").retrieve().toBodilessEntity()
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void thePrivateKeyRestsSealedUnderTheMasterKey() {
		read(Api.on(port), "/credentials/issuers/globex/did.json", "application/did+json");
		var organisation = directory.organisation("globex").orElseThrow();

		var rows = jdbc.sql("SELECT private_key, sealed_with FROM issuer_keys WHERE organisation_id = :organisation")
			.param("organisation", organisation.value())
			.query((rs, n) -> new Object[] { rs.getBytes(1), rs.getString(2) })
			.list();

		assertThat(rows).isNotEmpty();
		for (var row : rows) {
			assertThat(HexFormat.of().formatHex((byte[]) row[0])).doesNotContain(PKCS8_PREFIX);
			assertThat((String) row[1]).isNotBlank();
		}
	}

	@Test
	void aRotationKeepsTheRetiredKeyPublishedForEarlierCredentials() {
		var api = Api.on(port);
		var admin = api.token("admin@acme.test", "acme");
		var before = json.readTree(api.get(admin, "/api/v1/credentials/issuer-keys").getBody());
		read(api, "/credentials/issuers/acme/did.json", "application/did+json");

		var rotated = api.post(admin, "/api/v1/credentials/issuer-keys", null);

		assertThat(rotated.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		var keys = json.readTree(rotated.getBody()).get("keys");
		assertThat(keys.size()).isGreaterThanOrEqualTo(Math.max(2, before.get("keys").size() + 1));
		assertThat(keys.get(0).get("retiredAt").isNull()).isTrue();
		assertThat(keys.get(1).get("retiredAt").isNull()).isFalse();
		var did = read(api, "/credentials/issuers/acme/did.json", "application/did+json");
		var published = new ArrayList<String>();
		did.get("assertionMethod").forEach(m -> published.add(m.asString()));
		assertThat(published).contains(keys.get(0).get("id").asString(), keys.get(1).get("id").asString());
		assertThat(api.post(api.token("learner@acme.test", "acme"), "/api/v1/credentials/issuer-keys", null)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	private JsonNode read(Api api, String path, String type) {
		var answer = api.http().get().uri(path).retrieve().toEntity(String.class);
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(answer.getHeaders().getContentType().toString()).startsWith(type);
		return json.readTree(answer.getBody());
	}
}
