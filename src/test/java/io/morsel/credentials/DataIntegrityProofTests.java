package io.morsel.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.morsel.catalog.SkillId;
import io.morsel.identity.OrganisationId;
import io.morsel.identity.OrganisationProfile;
import io.morsel.identity.UserId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * eddsa-rdfc-2022 proofs made and checked by Morsel alone (CredentialsReferenceTests checks them against an
 * independent implementation): a signed credential verifies; a changed statement, another key or a changed proof
 * option does not; a context Morsel does not bundle, or a term no context defines, is refused before any signature.
 */
class DataIntegrityProofTests {

	static final JsonMapper JSON = JsonMapper.builder().build();
	static final PublicLinks LINKS = new PublicLinks("http://localhost:8080");

	final DataIntegrityProofs proofs = new DataIntegrityProofs(JSON);
	final java.security.KeyPair key = Ed25519.generate();

	static ObjectNode credential() {
		var achievement = new Achievement(AchievementId.random(), new OrganisationId(UUID.randomUUID()), "Negotiator",
				"Negotiates contracts", new Criteria("Masters negotiation", List.of(SkillId.random()), List.of()),
				List.of(new Alignment("ESCO negotiate", "https://esco.ec.europa.eu/en/skill/1", "S1.2")),
				new BigDecimal("1.5"), 365, Instant.now());
		var issuer = new OrganisationProfile(achievement.organisationId(), "acme", "Acme Analytics");
		return new OpenBadgeCredentials(JSON, LINKS).unsigned(UUID.randomUUID(), issuer, achievement, new UserId(UUID.randomUUID()),
				List.of(new Evidence("Mastery of negotiation", "Predicted recall 93%")), Instant.now(), null,
				List.of(new StatusLists.Entry(StatusPurpose.REVOCATION, UUID.randomUUID(), 94_567),
						new StatusLists.Entry(StatusPurpose.SUSPENSION, UUID.randomUUID(), 12_345)));
	}

	@Test
	void aSignedCredentialVerifiesAndAChangedOneDoesNot() {
		var signed = sign(credential());

		assertThat(verify(signed)).isTrue();

		var tampered = signed.deepCopy();
		((ObjectNode) tampered.get("credentialSubject").get("achievement")).put("name", "Grand negotiator");
		assertThat(verify(tampered)).isFalse();
		var otherProofDate = signed.deepCopy();
		((ObjectNode) otherProofDate.get("proof")).put("created", "2020-01-01T00:00:00Z");
		assertThat(verify(otherProofDate)).isFalse();
		var otherPosition = signed.deepCopy();
		((ObjectNode) otherPosition.get("credentialStatus").get(0)).put("statusListIndex", "94568");
		assertThat(verify(otherPosition)).as("a status entry moved to another credential's bit").isFalse();
		var otherKey = Ed25519.generate();
		var unsecured = signed.deepCopy();
		var proof = (ObjectNode) unsecured.remove("proof");
		assertThat(proofs.verify(unsecured, proof, otherKey.getPublic())).isFalse();
	}

	@Test
	void changingOnlyTheJsonLayoutKeepsTheSignatureValid() {
		var signed = sign(credential());
		// Canonicalisation signs statements, not bytes: reordered members say the same.
		var reordered = JSON.createObjectNode();
		var names = new java.util.ArrayList<String>();
		signed.propertyNames().forEach(names::add);
		java.util.Collections.reverse(names);
		names.forEach(n -> reordered.set(n, signed.get(n)));

		assertThat(verify(reordered)).isTrue();
	}

	@Test
	void refusesAContextItDoesNotBundleWithoutFetchingIt() {
		var document = credential();
		document.set("@context", JSON.valueToTree(List.of(BundledContexts.CREDENTIALS_V2,
				"http://127.0.0.1:9/never-fetched.jsonld")));

		assertThatThrownBy(() -> Canonical.nquads(JSON.writeValueAsString(document)))
			.isInstanceOf(UnreadableCredentialException.class)
			.hasMessageContaining("Unknown JSON-LD context http://127.0.0.1:9/never-fetched.jsonld");
	}

	@Test
	void refusesATermNoContextDefines() {
		var document = credential();
		document.put("favouriteColour", "blue");

		assertThatThrownBy(() -> Canonical.nquads(JSON.writeValueAsString(document)))
			.isInstanceOf(UnreadableCredentialException.class);
	}

	@Test
	void refusesWhatIsNotJsonLd() {
		assertThatThrownBy(() -> Canonical.nquads("[1, 2")).isInstanceOf(UnreadableCredentialException.class);
		assertThatThrownBy(() -> Canonical.nquads("{\"@context\": 5}"))
			.isInstanceOf(UnreadableCredentialException.class);
	}

	private ObjectNode sign(ObjectNode unsecured) {
		return proofs.sign(unsecured, "did:web:localhost%3A8080:credentials:issuers:acme#key-1", key.getPrivate(),
				Instant.now());
	}

	private boolean verify(ObjectNode signed) {
		var unsecured = signed.deepCopy();
		var proof = (ObjectNode) unsecured.remove("proof");
		return proofs.verify(unsecured, proof, key.getPublic());
	}
}
