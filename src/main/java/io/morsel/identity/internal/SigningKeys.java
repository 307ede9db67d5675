package io.morsel.identity.internal;

import io.morsel.shared.Timestamps;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Secret keys every node shares, one per purpose, kept in the database encrypted under the master key
 * ({@link MasterKeys}): the first node that needs a key makes it (256 random bits), every other node reads that one.
 * A node starting seals, under the current master key, every key still in plain (written before keys were sealed)
 * or sealed under a previous master key. Never logged, never sent.
 */
@Component
public class SigningKeys {

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final Clock clock;
	private final MasterKeys master;
	private final ConcurrentMap<String, byte[]> keys = new ConcurrentHashMap<>();

	SigningKeys(JdbcClient jdbc, Clock clock, MasterKeys master) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.master = master;
		reseal();
	}

	/** The key for this purpose, made on first use; callers must not change the array. */
	public byte[] key(String purpose) {
		return keys.computeIfAbsent(purpose, this::load);
	}

	private record Row(String purpose, byte[] secret, @Nullable String sealedWith) {
	}

	private byte[] load(String purpose) {
		var secret = new byte[32];
		RANDOM.nextBytes(secret);
		// Two nodes starting at once: the second insert does nothing and both read the first one's key.
		jdbc.sql("""
				INSERT INTO signing_keys (purpose, secret, sealed_with, created_at)
				VALUES (:purpose, :secret, :sealedWith, :now)
				ON CONFLICT DO NOTHING
				""")
			.param("purpose", purpose)
			.param("secret", master.seal(purpose, secret))
			.param("sealedWith", master.currentId())
			.param("now", Timestamps.of(clock.instant()))
			.update();
		var row = jdbc.sql("""
				SELECT purpose, secret, sealed_with
				FROM signing_keys
				WHERE purpose = :purpose
				""")
			.param("purpose", purpose)
			.query(Row.class)
			.single();
		return plain(row);
	}

	private byte[] plain(Row row) {
		return row.sealedWith() == null ? row.secret() : master.unseal(row.purpose(), row.secret(), row.sealedWith());
	}

	/**
	 * Seals under the current master key what is not yet: each row changes only if no other node changed it first,
	 * so nodes starting at once agree. A key sealed under a master key this node does not have stops the start.
	 */
	private void reseal() {
		var stale = jdbc.sql("""
				SELECT purpose, secret, sealed_with
				FROM signing_keys
				WHERE sealed_with IS NULL
				   OR sealed_with <> :current
				""")
			.param("current", master.currentId())
			.query(Row.class)
			.list();
		for (var row : stale) {
			jdbc.sql("""
					UPDATE signing_keys
					SET secret = :sealed,
					    sealed_with = :current
					WHERE purpose = :purpose
					  AND secret = :old
					""")
				.param("sealed", master.seal(row.purpose(), plain(row)))
				.param("current", master.currentId())
				.param("purpose", row.purpose())
				.param("old", row.secret())
				.update();
		}
		if (!stale.isEmpty()) {
			log.info("Sealed {} signing keys with master key {}", stale.size(), master.currentId());
		}
	}
}
