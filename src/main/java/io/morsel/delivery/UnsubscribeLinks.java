package io.morsel.delivery;

import io.morsel.identity.OrganisationId;
import io.morsel.identity.SecretSeal;
import io.morsel.identity.UserId;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The signed token of a one-click unsubscribe link (RFC 8058): the organisation and the learner, and an HMAC-SHA256
 * over both under a key of the cluster, made on first use and kept in {@code delivery_keys} sealed under the master
 * key (identity's {@link SecretSeal}). The link works without sign-in and cannot be made for anyone else.
 */
@Component
class UnsubscribeLinks {

	private static final String PURPOSE = "delivery-unsubscribe";
	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	/** A learner named by a valid token. */
	record Subscriber(OrganisationId organisationId, UserId userId) {
	}

	private final JdbcClient jdbc;
	private final SecretSeal seal;
	private volatile byte[] key;

	UnsubscribeLinks(JdbcClient jdbc, SecretSeal seal) {
		this.jdbc = jdbc;
		this.seal = seal;
	}

	String token(OrganisationId organisation, UserId learner) {
		var ids = ByteBuffer.allocate(32)
			.putLong(organisation.value().getMostSignificantBits())
			.putLong(organisation.value().getLeastSignificantBits())
			.putLong(learner.value().getMostSignificantBits())
			.putLong(learner.value().getLeastSignificantBits())
			.array();
		return ENCODER.encodeToString(ids) + "." + ENCODER.encodeToString(mac(ids));
	}

	/** The learner a token names, when its signature holds. */
	Optional<Subscriber> verify(String token) {
		var parts = token == null ? new String[0] : token.split("\\.");
		if (parts.length != 2) {
			return Optional.empty();
		}
		try {
			var ids = DECODER.decode(parts[0]);
			var signature = DECODER.decode(parts[1]);
			if (ids.length != 32 || !MessageDigest.isEqual(mac(ids), signature)) {
				return Optional.empty();
			}
			var buffer = ByteBuffer.wrap(ids);
			return Optional.of(new Subscriber(new OrganisationId(new UUID(buffer.getLong(), buffer.getLong())),
					new UserId(new UUID(buffer.getLong(), buffer.getLong()))));
		}
		catch (IllegalArgumentException notBase64) {
			return Optional.empty();
		}
	}

	/** The HMAC-SHA256 of these bytes under the cluster's key; other links add a prefix of their own. */
	byte[] mac(byte[] ids) {
		try {
			var mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key(), "HmacSHA256"));
			return mac.doFinal(ids);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
		}
	}

	/** The cluster's key: the first node to need it makes it, every node reads the one row that won. */
	private byte[] key() {
		var known = key;
		if (known != null) {
			return known;
		}
		var fresh = new byte[32];
		new SecureRandom().nextBytes(fresh);
		var sealed = seal.seal(PURPOSE, fresh);
		jdbc.sql("""
				INSERT INTO delivery_keys (id, sealed, sealed_with)
				VALUES (1, :sealed, :sealedWith)
				ON CONFLICT DO NOTHING
				""").param("sealed", sealed.bytes()).param("sealedWith", sealed.sealedWith()).update();
		var stored = jdbc.sql("SELECT sealed, sealed_with FROM delivery_keys WHERE id = 1")
			.query((rs, n) -> new SecretSeal.Sealed(rs.getBytes(1), rs.getString(2)))
			.single();
		key = seal.unseal(PURPOSE, stored);
		return key;
	}
}
