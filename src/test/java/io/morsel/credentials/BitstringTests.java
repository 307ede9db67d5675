package io.morsel.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Status list bits as Bitstring Status List v1.0 lays them out and publishes them. */
class BitstringTests {

	@Test
	void positionZeroIsTheLeftMostBitOfTheFirstByte() {
		var bits = Bitstring.with(Bitstring.empty(Bitstring.MINIMUM_BITS), 0, true);

		assertThat(bits[0]).isEqualTo((byte) 0x80);
		assertThat(Bitstring.get(Bitstring.with(bits, 9, true), 9)).isTrue();
		assertThat(Bitstring.with(bits, 9, true)[1]).isEqualTo((byte) 0x40);
	}

	@Test
	void anEncodedListDecodesToTheSameBitsWhateverIsSet() {
		var random = new Random(13);
		for (var round = 0; round < 20; round++) {
			var bits = Bitstring.empty(Bitstring.MINIMUM_BITS);
			var set = new HashSet<Integer>();
			for (var i = 0; i < random.nextInt(200); i++) {
				var position = random.nextInt(Bitstring.MINIMUM_BITS);
				bits = Bitstring.with(bits, position, true);
				set.add(position);
			}

			var encoded = Bitstring.encode(bits);
			var decoded = Bitstring.decode(encoded, Bitstring.MINIMUM_BITS / 8);

			assertThat(encoded).startsWith("u").doesNotContain("=", "+", "/");
			assertThat(decoded).isEqualTo(bits);
			for (var position : set) {
				assertThat(Bitstring.get(decoded, position)).isTrue();
				assertThat(Bitstring.get(Bitstring.with(decoded, position, false), position)).isFalse();
			}
		}
	}

	@Test
	void anEmptyListOfTheMinimumSizeCompressesToAFewDozenCharacters() {
		assertThat(Bitstring.encode(Bitstring.empty(Bitstring.MINIMUM_BITS)).length()).isLessThan(200);
	}

	@Test
	void refusesListsBelowTheMinimumAndPositionsOutsideTheList() {
		assertThatThrownBy(() -> Bitstring.empty(1024)).isInstanceOf(IllegalArgumentException.class);
		var bits = Bitstring.empty(Bitstring.MINIMUM_BITS);
		assertThatThrownBy(() -> Bitstring.get(bits, Bitstring.MINIMUM_BITS)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Bitstring.with(bits, -1, true)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Bitstring.decode("zabc", 10)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Bitstring.decode(Bitstring.encode(bits), 100)).isInstanceOf(IllegalArgumentException.class);
	}
}
