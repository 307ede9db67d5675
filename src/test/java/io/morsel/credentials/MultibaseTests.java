package io.morsel.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MultibaseTests {

	@Test
	void encodesTheKnownBase58btcVectors() {
		// draft-msporny-base58: "Hello World!" and leading zero bytes.
		assertThat(Multibase.base58btc("Hello World!".getBytes())).isEqualTo("z2NEpo7TZRRrLZSi2U");
		assertThat(Multibase.base58btc(new byte[] { 0, 0, 40, 127, (byte) 180, (byte) 205 })).isEqualTo("z11233QC4");
	}

	@Test
	void decodesWhatItEncodesForRandomBytes() {
		var random = new Random(20261130);
		for (var i = 0; i < 500; i++) {
			var bytes = new byte[random.nextInt(70)];
			random.nextBytes(bytes);
			if (bytes.length > 0 && random.nextBoolean()) {
				bytes[0] = 0;
			}
			assertThat(Multibase.decodeBase58btc(Multibase.base58btc(bytes))).isEqualTo(bytes);
		}
	}

	@Test
	void anEd25519MultikeyStartsWithZ6Mk() {
		var raw = Ed25519.raw(Ed25519.generate().getPublic());
		var multikey = Multibase.ed25519PublicKey(raw);
		assertThat(multikey).startsWith("z6Mk");
		assertThat(Multibase.ed25519PublicKeyOf(multikey)).isEqualTo(raw);
	}

	@Test
	void refusesWhatIsNotBase58btc() {
		assertThatThrownBy(() -> Multibase.decodeBase58btc("z0OIl")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Multibase.decodeBase58btc("u123")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Multibase.ed25519PublicKeyOf("z111")).isInstanceOf(IllegalArgumentException.class);
	}
}
