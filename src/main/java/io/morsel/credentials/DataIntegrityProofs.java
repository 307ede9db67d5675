package io.morsel.credentials;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Data Integrity proofs with the eddsa-rdfc-2022 cryptosuite (W3C VC Data Integrity EdDSA Cryptosuites v1.0, 3.3):
 * the document without its proof and the proof's options are each canonicalised (RDFC-1.0) and hashed with SHA-256;
 * the proof options' hash followed by the document's is signed with Ed25519; the signature is the proof value in
 * base58-btc multibase.
 */
final class DataIntegrityProofs {

	static final String TYPE = "DataIntegrityProof";
	static final String CRYPTOSUITE = "eddsa-rdfc-2022";
	static final String PURPOSE = "assertionMethod";

	private final JsonMapper json;

	DataIntegrityProofs(JsonMapper json) {
		this.json = json;
	}

	/** The document with a proof made with this key, named by its verification method. */
	ObjectNode sign(ObjectNode unsecured, String verificationMethod, PrivateKey key, Instant created) {
		var proof = json.createObjectNode();
		proof.put("type", TYPE);
		proof.put("cryptosuite", CRYPTOSUITE);
		proof.put("created", created.truncatedTo(ChronoUnit.SECONDS).toString());
		proof.put("verificationMethod", verificationMethod);
		proof.put("proofPurpose", PURPOSE);
		var signature = Ed25519.sign(key, hashData(unsecured, proof));
		var secured = unsecured.deepCopy();
		var signed = proof.deepCopy();
		signed.put("proofValue", Multibase.base58btc(signature));
		secured.set("proof", signed);
		return secured;
	}

	/**
	 * Whether the proof's signature is this key's over the document without the proof.
	 *
	 * @throws UnreadableCredentialException when the document or the proof is not JSON-LD Morsel can read
	 */
	boolean verify(ObjectNode unsecured, ObjectNode proof, PublicKey key) {
		var options = proof.deepCopy();
		var value = options.remove("proofValue");
		if (value == null || !value.isString()) {
			return false;
		}
		byte[] signature;
		try {
			signature = Multibase.decodeBase58btc(value.asString());
		}
		catch (IllegalArgumentException e) {
			return false;
		}
		return Ed25519.verify(key, hashData(unsecured, options), signature);
	}

	/** SHA-256 of the canonical proof options (with the document's context), then of the canonical document. */
	private byte[] hashData(ObjectNode unsecured, ObjectNode proofOptions) {
		var configuration = json.createObjectNode();
		configuration.set("@context", unsecured.get("@context"));
		proofOptions.properties().forEach(e -> {
			if (!e.getKey().equals("@context")) {
				configuration.set(e.getKey(), e.getValue());
			}
		});
		var optionsHash = sha256(Canonical.nquads(json.writeValueAsString(configuration)));
		var documentHash = sha256(Canonical.nquads(json.writeValueAsString(unsecured)));
		var both = Arrays.copyOf(optionsHash, 64);
		System.arraycopy(documentHash, 0, both, 32, 32);
		return both;
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Every Java platform provides SHA-256", e);
		}
	}
}
