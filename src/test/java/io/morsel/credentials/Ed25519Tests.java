package io.morsel.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.Signature;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Ed25519 signs with Bouncy Castle and keeps the JDK's keys: its signatures are the JDK's byte for byte (Ed25519 is
 * deterministic), each verifies the other's, keys read back from their stored forms sign the same, RFC 8032's first
 * test vector holds, and a changed message or signature fails.
 */
class Ed25519Tests {

	private static final HexFormat HEX = HexFormat.of();

	@Test
	void signsAsTheJdkDoesAndEachVerifiesTheOthers() throws Exception {
		var random = new Random(8032);
		for (var i = 0; i < 50; i++) {
			var pair = Ed25519.generate();
			var data = new byte[random.nextInt(200)];
			random.nextBytes(data);

			var ours = Ed25519.sign(pair.getPrivate(), data);
			var jdks = jdkSign(pair, data);

			assertThat(ours).isEqualTo(jdks);
			assertThat(Ed25519.verify(pair.getPublic(), data, jdks)).isTrue();
			var jdk = Signature.getInstance("Ed25519");
			jdk.initVerify(pair.getPublic());
			jdk.update(data);
			assertThat(jdk.verify(ours)).isTrue();
		}
	}

	@Test
	void keysReadBackFromTheirStoredFormsSignAndVerifyTheSame() {
		var pair = Ed25519.generate();
		var data = "hash of the proof options and the document".getBytes();
		var stored = Ed25519.privateKey(pair.getPrivate().getEncoded());
		var published = Ed25519.publicKey(Ed25519.raw(pair.getPublic()));

		var signature = Ed25519.sign(stored, data);

		assertThat(signature).isEqualTo(Ed25519.sign(pair.getPrivate(), data));
		assertThat(Ed25519.verify(published, data, signature)).isTrue();
	}

	@Test
	void rfc8032TestVectorOne() {
		// RFC 8032, 7.1, TEST 1: the empty message.
		var seed = HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
		var pkcs8 = HEX.parseHex("302e020100300506032b657004220420" + HEX.formatHex(seed));
		var publicKey = Ed25519.publicKey(
				HEX.parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"));
		var expected = HEX.parseHex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555"
				+ "fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");

		assertThat(Ed25519.sign(Ed25519.privateKey(pkcs8), new byte[0])).isEqualTo(expected);
		assertThat(Ed25519.verify(publicKey, new byte[0], expected)).isTrue();
	}

	@Test
	void aChangedMessageSignatureOrKeyFails() {
		var pair = Ed25519.generate();
		var data = "a credential's hashes".getBytes();
		var signature = Ed25519.sign(pair.getPrivate(), data);

		var changedData = data.clone();
		changedData[3] ^= 1;
		assertThat(Ed25519.verify(pair.getPublic(), changedData, signature)).isFalse();
		var changedSignature = signature.clone();
		changedSignature[10] ^= 1;
		assertThat(Ed25519.verify(pair.getPublic(), data, changedSignature)).isFalse();
		assertThat(Ed25519.verify(pair.getPublic(), data, java.util.Arrays.copyOf(signature, 63))).isFalse();
		assertThat(Ed25519.verify(Ed25519.generate().getPublic(), data, signature)).isFalse();
	}

	private static byte[] jdkSign(KeyPair pair, byte[] data) throws Exception {
		var jdk = Signature.getInstance("Ed25519");
		jdk.initSign(pair.getPrivate());
		jdk.update(data);
		return jdk.sign();
	}
}
