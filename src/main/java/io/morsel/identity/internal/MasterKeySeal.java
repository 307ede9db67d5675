package io.morsel.identity.internal;

import io.morsel.identity.SecretSeal;
import org.springframework.stereotype.Component;

/** Other modules' secrets, sealed under the same master key as identity's own signing keys. */
@Component
class MasterKeySeal implements SecretSeal {

	private final MasterKeys master;

	MasterKeySeal(MasterKeys master) {
		this.master = master;
	}

	@Override
	public Sealed seal(String purpose, byte[] secret) {
		return new Sealed(master.seal(purpose, secret), master.currentId());
	}

	@Override
	public byte[] unseal(String purpose, Sealed sealed) {
		return master.unseal(purpose, sealed.bytes(), sealed.sealedWith());
	}
}
