package io.morsel.credentials;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The bits of a status list as W3C Bitstring Status List v1.0 lays them out: index 0 is the left-most bit (the most
 * significant bit of the first byte), and the published form ({@code encodedList}) is the bytes GZIP-compressed, then
 * base64url without padding, with the multibase prefix {@code u}.
 */
final class Bitstring {

	/**
	 * The specification's minimum length, 16 KiB of bits: a list that small (with random positions) keeps a verifier
	 * who fetches it from telling which credential they are checking, since thousands share it (its section 6.1,
	 * "Herd privacy").
	 */
	static final int MINIMUM_BITS = 131_072;

	private Bitstring() {
	}

	static byte[] empty(int bits) {
		if (bits < MINIMUM_BITS || bits % 8 != 0) {
			throw new IllegalArgumentException("A status list has at least " + MINIMUM_BITS + " bits, in whole bytes");
		}
		return new byte[bits / 8];
	}

	static boolean get(byte[] bits, int index) {
		check(bits, index);
		return (bits[index / 8] & (0x80 >>> (index % 8))) != 0;
	}

	/** A copy of the bits with this one set or cleared. */
	static byte[] with(byte[] bits, int index, boolean value) {
		check(bits, index);
		var changed = Arrays.copyOf(bits, bits.length);
		if (value) {
			changed[index / 8] |= (byte) (0x80 >>> (index % 8));
		}
		else {
			changed[index / 8] &= (byte) ~(0x80 >>> (index % 8));
		}
		return changed;
	}

	/** The bits as a status list credential's {@code encodedList}. */
	static String encode(byte[] bits) {
		var out = new ByteArrayOutputStream();
		try (var gzip = new GZIPOutputStream(out)) {
			gzip.write(bits);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
	}

	/**
	 * The bits of an {@code encodedList}.
	 *
	 * @throws IllegalArgumentException when it is not multibase base64url of GZIP data, or expands past
	 * {@code mostBytes}
	 */
	static byte[] decode(String encoded, int mostBytes) {
		if (!encoded.startsWith("u")) {
			throw new IllegalArgumentException("An encodedList starts with the multibase prefix u (base64url)");
		}
		try (var gzip = new GZIPInputStream(new ByteArrayInputStream(
				Base64.getUrlDecoder().decode(encoded.substring(1))))) {
			var bytes = gzip.readNBytes(mostBytes + 1);
			if (bytes.length > mostBytes) {
				throw new IllegalArgumentException("The status list expands past " + mostBytes + " bytes");
			}
			return bytes;
		}
		catch (IOException e) {
			throw new IllegalArgumentException("The encodedList is not GZIP data", e);
		}
	}

	private static void check(byte[] bits, int index) {
		if (index < 0 || index >= bits.length * 8) {
			throw new IllegalArgumentException("Position " + index + " is outside the list's " + bits.length * 8
					+ " bits");
		}
	}
}
