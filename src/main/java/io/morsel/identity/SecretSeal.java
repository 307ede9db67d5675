package io.morsel.identity;

/**
 * Seals secrets of other modules (an issuer's private key) under Morsel's master key ({@code MORSEL_SECRETS_KEY},
 * AES-256-GCM), so that they rest encrypted in the module's own tables; the master key never leaves identity.
 */
public interface SecretSeal {

	/** The secret encrypted under the current master key, bound to its purpose. */
	Sealed seal(String purpose, byte[] secret);

	/**
	 * The secret sealed for this purpose.
	 *
	 * @throws IllegalStateException when the master key it was sealed with is not configured, or it was changed
	 */
	byte[] unseal(String purpose, Sealed sealed);

	/** Sealed bytes and the id of the master key that sealed them (a hash prefix, safe to store). */
	record Sealed(byte[] bytes, String sealedWith) {
	}
}
