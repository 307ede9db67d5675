package io.morsel.credentials;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * Ed25519 keys in the JDK's types and stored formats (raw 32-byte public keys, PKCS#8 private keys), made by the JDK;
 * signing and verifying by Bouncy Castle's RFC 8032 implementation, several times faster than the JDK's pure-Java
 * EdDSA (a quarter of a signature or verification in bench/credentials). Ed25519 is deterministic: the signatures are
 * the JDK's, byte for byte (Ed25519Tests).
 */
final class Ed25519 {

	/** The DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw key follows it. */
	private static final byte[] X509_PREFIX = { 0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21,
			0x00 };

	static {
		// The fixed-base tables, once, rather than on the first signature a request waits for.
		org.bouncycastle.math.ec.rfc8032.Ed25519.precompute();
	}

	private Ed25519() {
	}

	static KeyPair generate() {
		try {
			return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Every Java 21 platform provides Ed25519", e);
		}
	}

	static byte[] raw(PublicKey key) {
		var encoded = key.getEncoded();
		return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
	}

	static PublicKey publicKey(byte[] raw) {
		if (raw.length != 32) {
			throw new IllegalArgumentException("An Ed25519 public key has 32 bytes");
		}
		var encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + 32);
		System.arraycopy(raw, 0, encoded, X509_PREFIX.length, 32);
		try {
			return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalArgumentException("Not an Ed25519 public key", e);
		}
	}

	static PrivateKey privateKey(byte[] pkcs8) {
		try {
			return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("A stored issuer key is not an Ed25519 private key", e);
		}
	}

	static byte[] sign(PrivateKey key, byte[] data) {
		if (!(key instanceof EdECPrivateKey edec) || edec.getBytes().isEmpty()) {
			throw new IllegalStateException("Not an Ed25519 private key with its seed: " + key.getAlgorithm());
		}
		var seed = edec.getBytes().get();
		var signature = new byte[org.bouncycastle.math.ec.rfc8032.Ed25519.SIGNATURE_SIZE];
		org.bouncycastle.math.ec.rfc8032.Ed25519.sign(seed, 0, data, 0, data.length, signature, 0);
		Arrays.fill(seed, (byte) 0);
		return signature;
	}

	static boolean verify(PublicKey key, byte[] data, byte[] signature) {
		if (signature.length != org.bouncycastle.math.ec.rfc8032.Ed25519.SIGNATURE_SIZE) {
			return false;
		}
		return org.bouncycastle.math.ec.rfc8032.Ed25519.verify(signature, 0, raw(key), 0, data, 0, data.length);
	}
}
