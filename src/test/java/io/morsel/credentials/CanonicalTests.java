package io.morsel.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.morsel.catalog.SkillId;
import io.morsel.identity.OrganisationId;
import io.morsel.identity.OrganisationProfile;
import io.morsel.identity.UserId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Canonicalisation with kept contexts ({@link ProcessedContexts}, Titanium's internal expansion API) gives byte for
 * byte the N-Quads of Titanium's public API processing every context anew, for everything Morsel signs and verifies:
 * credentials with every field it emits, their proofs and proof options, status list credentials, tampered copies,
 * other orderings and spellings of the contexts, and refusals.
 */
class CanonicalTests {

	static final JsonMapper JSON = JsonMapper.builder().build();
	static final PublicLinks LINKS = new PublicLinks("https://morsel.example");

	final DataIntegrityProofs proofs = new DataIntegrityProofs(JSON);
	final java.security.KeyPair key = Ed25519.generate();

	@Test
	void keptContextsGiveTheSameNQuadsAsProcessingThemAnew() {
		var random = new Random(2026);
		for (var i = 0; i < 40; i++) {
			var unsigned = credential(random);
			var signed = sign(unsigned);
			var documents = new ArrayList<ObjectNode>();
			documents.add(unsigned);
			documents.add(signed);
			documents.add(proofOptions(signed));
			documents.add(tampered(signed, random));
			documents.add(statusList(random));
			documents.add(withContext(unsigned, List.of(BundledContexts.OPEN_BADGES_V3, BundledContexts.CREDENTIALS_V2)));
			var plainString = statusList(random);
			plainString.put("@context", BundledContexts.CREDENTIALS_V2);
			documents.add(plainString);

			for (var document : documents) {
				var text = JSON.writeValueAsString(document);
				var kept = Canonical.nquads(text);
				assertThat(kept).as(text).isEqualTo(Canonical.nquadsProcessingContextsAnew(text));
				assertThat(kept).as("every document says something").contains(" .\n");
			}
		}
	}

	@Test
	void aChangedStatementChangesTheNQuadsEitherWay() {
		var unsigned = credential(new Random(7));
		var renamed = unsigned.deepCopy();
		((ObjectNode) renamed.get("credentialSubject").get("achievement")).put("name", "Grand negotiator");

		var before = JSON.writeValueAsString(unsigned);
		var after = JSON.writeValueAsString(renamed);

		assertThat(Canonical.nquads(after)).isNotEqualTo(Canonical.nquads(before))
			.isEqualTo(Canonical.nquadsProcessingContextsAnew(after))
			.contains("\"Grand negotiator\"");
	}

	@Test
	void refusalsAreTheSameEitherWay() {
		var undefinedTerm = credential(new Random(3));
		undefinedTerm.put("favouriteColour", "blue");
		var unknownContext = withContext(credential(new Random(4)),
				List.of(BundledContexts.CREDENTIALS_V2, "http://127.0.0.1:9/never-fetched.jsonld"));
		var repeatedContext = withContext(credential(new Random(5)),
				List.of(BundledContexts.CREDENTIALS_V2, BundledContexts.CREDENTIALS_V2, "http://127.0.0.1:9/x.jsonld"));

		// Data Integrity v2 redefines terms the credentials context protects: a refusal of the contexts themselves.
		var clashingContexts = withContext(credential(new Random(6)), List.of(BundledContexts.CREDENTIALS_V2,
				BundledContexts.OPEN_BADGES_V3, BundledContexts.DATA_INTEGRITY_V2));

		for (var document : List.of(undefinedTerm, unknownContext, repeatedContext, clashingContexts)) {
			var text = JSON.writeValueAsString(document);
			var kept = messageOf(() -> Canonical.nquads(text));
			assertThat(kept).isNotNull().isEqualTo(messageOf(() -> Canonical.nquadsProcessingContextsAnew(text)));
		}
		assertThat(messageOf(() -> Canonical.nquads(JSON.writeValueAsString(unknownContext))))
			.contains("Unknown JSON-LD context http://127.0.0.1:9/never-fetched.jsonld");
	}

	@Test
	void oneKeptContextServesManyThreadsAlike() throws Exception {
		var random = new Random(11);
		var texts = new ArrayList<String>();
		for (var i = 0; i < 24; i++) {
			texts.add(JSON.writeValueAsString(sign(credential(random))));
		}
		var expected = texts.stream().map(Canonical::nquadsProcessingContextsAnew).toList();
		try (var threads = Executors.newFixedThreadPool(4)) {
			var runs = new ArrayList<Callable<List<String>>>();
			for (var t = 0; t < 4; t++) {
				runs.add(() -> texts.stream().map(Canonical::nquads).toList());
			}
			for (var run : threads.invokeAll(runs)) {
				assertThat(run.get()).isEqualTo(expected);
			}
		}
	}

	/** A credential with every field Morsel emits, its values drawn from the seed. */
	private static ObjectNode credential(Random random) {
		var alignments = new ArrayList<Alignment>();
		alignments.add(new Alignment("ESCO " + word(random), "https://esco.ec.europa.eu/en/skill/" + random.nextInt(999),
				"S" + random.nextInt(9) + "." + random.nextInt(9)));
		if (random.nextBoolean()) {
			alignments.add(new Alignment(word(random), "https://example.org/frameworks/" + random.nextInt(99), null));
		}
		var achievement = new Achievement(AchievementId.random(), new OrganisationId(UUID.randomUUID()), word(random),
				word(random) + " \"quoted\"\nsecond line — é ✓",
				new Criteria("Masters " + word(random), List.of(SkillId.random()), List.of()), alignments,
				random.nextBoolean() ? new BigDecimal(random.nextInt(40) + "." + random.nextInt(10)) : null, 365,
				Instant.now(), 30);
		var issuer = new OrganisationProfile(achievement.organisationId(), "acme", "Acme " + word(random));
		var validFrom = Instant.now().minus(random.nextInt(900), ChronoUnit.DAYS);
		return new OpenBadgeCredentials(JSON, LINKS).unsigned(UUID.randomUUID(), issuer, achievement,
				new UserId(UUID.randomUUID()),
				List.of(new Evidence("Mastery of " + word(random), "Predicted recall " + random.nextInt(100) + "%")),
				validFrom, random.nextBoolean() ? validFrom.plus(365, ChronoUnit.DAYS) : null,
				List.of(new StatusLists.Entry(StatusPurpose.REVOCATION, UUID.randomUUID(), random.nextInt(131_072)),
						new StatusLists.Entry(StatusPurpose.SUSPENSION, UUID.randomUUID(), random.nextInt(131_072))));
	}

	/** A status list credential as StatusLists makes it (only the context of the Verifiable Credentials 2.0). */
	private static ObjectNode statusList(Random random) {
		var address = LINKS.statusList(UUID.randomUUID());
		var credential = JSON.createObjectNode();
		credential.set("@context", JSON.valueToTree(List.of(BundledContexts.CREDENTIALS_V2)));
		credential.put("id", address);
		credential.set("type", JSON.valueToTree(List.of("VerifiableCredential", "BitstringStatusListCredential")));
		credential.put("issuer", LINKS.did("acme"));
		credential.put("validFrom", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
		var subject = credential.putObject("credentialSubject");
		subject.put("id", address + "#list");
		subject.put("type", "BitstringStatusList");
		subject.put("statusPurpose", random.nextBoolean() ? "revocation" : "suspension");
		var bits = new byte[131_072 / 8];
		bits[random.nextInt(bits.length)] = (byte) random.nextInt(256);
		subject.put("encodedList", Bitstring.encode(bits));
		subject.put("ttl", 300_000);
		return credential;
	}

	/** The proof options with the document's context, as DataIntegrityProofs hashes them. */
	private static ObjectNode proofOptions(ObjectNode signed) {
		var options = ((ObjectNode) signed.get("proof")).deepCopy();
		options.remove("proofValue");
		var configuration = JSON.createObjectNode();
		configuration.set("@context", signed.get("@context"));
		configuration.setAll(options);
		return configuration;
	}

	private static ObjectNode tampered(ObjectNode signed, Random random) {
		var copy = signed.deepCopy();
		switch (random.nextInt(3)) {
			case 0 -> ((ObjectNode) copy.get("credentialSubject").get("achievement")).put("name", word(random));
			case 1 -> ((ObjectNode) copy.get("credentialStatus").get(0)).put("statusListIndex", "1");
			default -> copy.put("validFrom", "2020-01-01T00:00:00Z");
		}
		return copy;
	}

	private static ObjectNode withContext(ObjectNode document, List<String> context) {
		var copy = document.deepCopy();
		copy.set("@context", JSON.valueToTree(context));
		return copy;
	}

	private static String word(Random random) {
		var words = List.of("negotiation", "reporting", "safe lifting", "Zoë's dashboards", "データ", "forklifts");
		return words.get(random.nextInt(words.size())) + " " + random.nextInt(1000);
	}

	private ObjectNode sign(ObjectNode unsecured) {
		return proofs.sign(unsecured, "did:web:morsel.example:credentials:issuers:acme#key-1", key.getPrivate(),
				Instant.now());
	}

	private static String messageOf(Runnable canonicalise) {
		try {
			canonicalise.run();
			return null;
		}
		catch (UnreadableCredentialException e) {
			return e.getMessage();
		}
	}
}
