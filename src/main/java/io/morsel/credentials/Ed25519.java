package io.morsel.credentials;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/** Ed25519 with the JDK's provider: keys as raw 32-byte public keys and PKCS#8 private keys, signing, verifying. */
final class Ed25519 {

	/** The DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw key follows it. */
	private static final byte[] X509_PREFIX = { 0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21,
			0x00 };

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
		try {
			var signature = Signature.getInstance("Ed25519");
			signature.initSign(key);
			signature.update(data);
			return signature.sign();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Ed25519 signing failed", e);
		}
	}

	static boolean verify(PublicKey key, byte[] data, byte[] signature) {
		try {
			var verifier = Signature.getInstance("Ed25519");
			verifier.initVerify(key);
			verifier.update(data);
			return verifier.verify(signature);
		}
		catch (GeneralSecurityException e) {
			return false;
		}
	}
}
