package io.morsel.credentials;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import java.security.PrivateKey;
import java.util.Set;

/**
 * The VC-JOSE-COSE form of a credential (W3C Securing Verifiable Credentials using JOSE and COSE, section 3.1.1): the
 * credential without its Data Integrity proof as the payload of a compact JWS, {@code typ} {@code vc+jwt},
 * {@code cty} {@code vc}, {@code alg} {@code EdDSA}, signed with the issuer's Ed25519 key and naming it by {@code kid},
 * the DID URL its did:web document and JWK set publish. Nimbus builds and serialises the JWS; the signature is the
 * JDK's Ed25519, as for Data Integrity proofs, so one key serves both forms.
 */
final class VcJwts {

	/** The media type of a credential in this form. */
	static final String MEDIA_TYPE = "application/vc+jwt";
	static final JOSEObjectType TYPE = new JOSEObjectType("vc+jwt");

	private VcJwts() {
	}

	/** The compact JWS of this credential (JSON text, without a proof). */
	static String sign(String unsecuredCredential, String keyId, PrivateKey key) {
		var header = new JWSHeader.Builder(JWSAlgorithm.EdDSA).type(TYPE).contentType("vc").keyID(keyId).build();
		var jws = new JWSObject(header, new Payload(unsecuredCredential));
		try {
			jws.sign(new Signer(key));
		}
		catch (JOSEException e) {
			throw new IllegalStateException("Ed25519 signing failed", e);
		}
		return jws.serialize();
	}

	/** Nimbus's signing seam over the JDK's Ed25519 (Nimbus's own Ed25519 signer needs Google Tink). */
	private static final class Signer implements JWSSigner {

		private final PrivateKey key;
		private final JCAContext context = new JCAContext();

		Signer(PrivateKey key) {
			this.key = key;
		}

		@Override
		public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
			if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm())) {
				throw new JOSEException("Issuer keys sign EdDSA (Ed25519) only");
			}
			return Base64URL.encode(Ed25519.sign(key, signingInput));
		}

		@Override
		public Set<JWSAlgorithm> supportedJWSAlgorithms() {
			return Set.of(JWSAlgorithm.EdDSA);
		}

		@Override
		public JCAContext getJCAContext() {
			return context;
		}
	}
}
