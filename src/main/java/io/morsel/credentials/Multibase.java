package io.morsel.credentials;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Multibase base58-btc ({@code z...}), as Data Integrity proof values and Multikey public keys are written, and the
 * Multikey header of an Ed25519 public key (multicodec 0xed, varint {@code 0xed 0x01}).
 */
public final class Multibase {

	private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
	private static final BigInteger FIFTY_EIGHT = BigInteger.valueOf(58);
	private static final byte[] ED25519_PUBLIC = { (byte) 0xed, 0x01 };

	private Multibase() {
	}

	public static String base58btc(byte[] bytes) {
		var out = new StringBuilder();
		var number = new BigInteger(1, bytes);
		while (number.signum() > 0) {
			var division = number.divideAndRemainder(FIFTY_EIGHT);
			out.append(ALPHABET.charAt(division[1].intValue()));
			number = division[0];
		}
		for (var b : bytes) {
			if (b != 0) {
				break;
			}
			out.append('1');
		}
		return "z" + out.reverse();
	}

	/**
	 * The bytes of a base58-btc multibase string.
	 *
	 * @throws IllegalArgumentException when it is not one
	 */
	public static byte[] decodeBase58btc(String multibase) {
		if (multibase.isEmpty() || multibase.charAt(0) != 'z' || multibase.length() > 10_000) {
			throw new IllegalArgumentException("not a base58-btc multibase value");
		}
		var text = multibase.substring(1);
		var number = BigInteger.ZERO;
		var zeros = 0;
		var leading = true;
		for (var c : text.toCharArray()) {
			var digit = ALPHABET.indexOf(c);
			if (digit < 0) {
				throw new IllegalArgumentException("'" + c + "' is not a base58 digit");
			}
			if (leading && digit == 0) {
				zeros++;
			}
			else {
				leading = false;
			}
			number = number.multiply(FIFTY_EIGHT).add(BigInteger.valueOf(digit));
		}
		var magnitude = number.signum() == 0 ? new byte[0] : number.toByteArray();
		if (magnitude.length > 0 && magnitude[0] == 0) {
			magnitude = Arrays.copyOfRange(magnitude, 1, magnitude.length);
		}
		var out = new byte[zeros + magnitude.length];
		System.arraycopy(magnitude, 0, out, zeros, magnitude.length);
		return out;
	}

	/** An Ed25519 public key (32 bytes) as a Multikey {@code publicKeyMultibase}: {@code z6Mk...}. */
	public static String ed25519PublicKey(byte[] raw) {
		var bytes = new byte[34];
		bytes[0] = ED25519_PUBLIC[0];
		bytes[1] = ED25519_PUBLIC[1];
		System.arraycopy(raw, 0, bytes, 2, 32);
		return base58btc(bytes);
	}

	/**
	 * The 32 bytes of an Ed25519 Multikey public key.
	 *
	 * @throws IllegalArgumentException when it is not an Ed25519 public key
	 */
	public static byte[] ed25519PublicKeyOf(String multibase) {
		var bytes = decodeBase58btc(multibase);
		if (bytes.length != 34 || bytes[0] != ED25519_PUBLIC[0] || bytes[1] != ED25519_PUBLIC[1]) {
			throw new IllegalArgumentException("not an Ed25519 Multikey public key");
		}
		return Arrays.copyOfRange(bytes, 2, 34);
	}
}
