package io.morsel.identity.internal;

import io.morsel.shared.Timestamps;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Secret keys every node shares, one per purpose, kept in the database: the first node that needs a key makes it
 * (256 random bits), every other node reads that one. Never logged, never sent.
 */
@Component
public class SigningKeys {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final Clock clock;
	private final ConcurrentMap<String, byte[]> keys = new ConcurrentHashMap<>();

	SigningKeys(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The key for this purpose, made on first use; callers must not change the array. */
	public byte[] key(String purpose) {
		return keys.computeIfAbsent(purpose, this::load);
	}

	private byte[] load(String purpose) {
		var secret = new byte[32];
		RANDOM.nextBytes(secret);
		// Two nodes starting at once: the second insert does nothing and both read the first one's key.
		jdbc.sql("""
				INSERT INTO signing_keys (purpose, secret, created_at)
				VALUES (:purpose, :secret, :now)
				ON CONFLICT DO NOTHING
				""")
			.param("purpose", purpose)
			.param("secret", secret)
			.param("now", Timestamps.of(clock.instant()))
			.update();
		return jdbc.sql("SELECT secret FROM signing_keys WHERE purpose = :purpose")
			.param("purpose", purpose)
			.query(byte[].class)
			.single();
	}
}
