package io.morsel.identity.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The master key that encrypts signing keys at rest (AES-256-GCM, the JDK's), from {@code MORSEL_SECRETS_KEY}
 * ({@code morsel.secrets.key}: 32 random bytes in Base64), and the keys it replaced
 * ({@code MORSEL_SECRETS_PREVIOUS_KEYS}, comma-separated), which only unseal. Without a key, the embedded default
 * keeps a development key in a file ({@code morsel.secrets.development-key-file}) and warns; the prod profile, which
 * has no such file, refuses to start.
 */
@Component
class MasterKeys {

	private static final Logger log = LoggerFactory.getLogger(MasterKeys.class);
	private static final SecureRandom RANDOM = new SecureRandom();
	private static final int IV_BYTES = 12;
	private static final int TAG_BITS = 128;

	private final String currentId;
	/** Every key that may unseal, by id: the current one first. */
	private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();

	MasterKeys(@Value("${morsel.secrets.key:}") String key,
			@Value("${morsel.secrets.previous-keys:}") List<String> previous,
			@Value("${morsel.secrets.development-key-file:}") String developmentKeyFile) {
		var current = key.isBlank() ? developmentKey(developmentKeyFile) : decode(key, "MORSEL_SECRETS_KEY");
		this.currentId = id(current);
		keys.put(currentId, new SecretKeySpec(current, "AES"));
		for (var old : previous) {
			if (!old.isBlank()) {
				var bytes = decode(old, "MORSEL_SECRETS_PREVIOUS_KEYS");
				keys.putIfAbsent(id(bytes), new SecretKeySpec(bytes, "AES"));
			}
		}
	}

	/** The id of the key that seals: a hash prefix, safe to store and log. */
	String currentId() {
		return currentId;
	}

	/** The secret encrypted under the current key, bound to its purpose: a random IV, then ciphertext and tag. */
	byte[] seal(String purpose, byte[] secret) {
		try {
			var iv = new byte[IV_BYTES];
			RANDOM.nextBytes(iv);
			var cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, iv));
			cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
			var sealed = cipher.doFinal(secret);
			var out = Arrays.copyOf(iv, IV_BYTES + sealed.length);
			System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
			return out;
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Every Java platform provides AES-GCM", e);
		}
	}

	/**
	 * The secret sealed for this purpose under the key with this id.
	 *
	 * @throws IllegalStateException naming the purpose and the key when it cannot be unsealed
	 */
	byte[] unseal(String purpose, byte[] sealed, String sealedWith) {
		var key = keys.get(sealedWith);
		if (key == null) {
			throw new IllegalStateException("Signing key '" + purpose + "' is sealed with master key " + sealedWith
					+ ", but MORSEL_SECRETS_KEY is master key " + currentId + " and MORSEL_SECRETS_PREVIOUS_KEYS holds "
					+ (keys.size() == 1 ? "none" : keys.keySet().stream().skip(1).toList())
					+ ". Start with the master key these keys were sealed with (see docs/operations.md, rotation).");
		}
		try {
			var cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
			cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
			return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
		}
		catch (AEADBadTagException e) {
			throw new IllegalStateException("Signing key '" + purpose + "' does not decrypt with master key "
					+ sealedWith + ": its row in signing_keys was changed", e);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Every Java platform provides AES-GCM", e);
		}
	}

	private static byte[] developmentKey(String file) {
		if (file.isBlank()) {
			throw new IllegalStateException("MORSEL_SECRETS_KEY is not set. Morsel encrypts its signing keys at rest "
					+ "with this master key: set it to 32 random bytes in Base64 (openssl rand -base64 32), the same on "
					+ "every node, and keep it apart from the database's backups (docs/operations.md).");
		}
		var path = Path.of(file);
		try {
			if (!Files.exists(path)) {
				var key = new byte[32];
				RANDOM.nextBytes(key);
				Files.createDirectories(path.toAbsolutePath().getParent());
				Files.writeString(path, Base64.getEncoder().encodeToString(key));
				try {
					Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
				}
				catch (UnsupportedOperationException notPosix) {
					// Windows: the file keeps its folder's permissions.
				}
			}
			log.warn("MORSEL_SECRETS_KEY is not set: signing keys are sealed with the development key in {}. "
					+ "Set MORSEL_SECRETS_KEY anywhere but on a laptop.", path.toAbsolutePath());
			return decode(Files.readString(path).strip(), path.toString());
		}
		catch (IOException e) {
			throw new IllegalStateException("Could not read or write the development master key " + path, e);
		}
	}

	private static byte[] decode(String key, String source) {
		byte[] bytes;
		try {
			bytes = Base64.getMimeDecoder().decode(key.strip().replace('-', '+').replace('_', '/'));
		}
		catch (IllegalArgumentException e) {
			bytes = new byte[0];
		}
		if (bytes.length != 32) {
			throw new IllegalStateException(source + " must be 32 random bytes in Base64 (openssl rand -base64 32)");
		}
		return bytes;
	}

	private static String id(byte[] key) {
		try {
			var digest = MessageDigest.getInstance("SHA-256");
			digest.update("morsel master key ".getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(Arrays.copyOf(digest.digest(key), 8));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Every Java platform provides SHA-256", e);
		}
	}
}
