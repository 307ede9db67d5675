package io.morsel.credentials;

import io.morsel.identity.OrganisationId;
import io.morsel.identity.SecretSeal;
import io.morsel.shared.Timestamps;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each organisation's Ed25519 issuer keys: one current key, made on first use; its private half sealed at rest under
 * the master key; rotation retires it and makes the next. Every key, retired or not, stays published (did:web
 * document, JWK set), so a credential signed before a rotation still verifies after it.
 */
@Service
public class IssuerKeys {

	/** A public key the organisation publishes; {@code retiredAt} is set once a rotation replaced it. */
	public record PublishedKey(UUID id, byte[] publicKey, Instant createdAt, @Nullable Instant retiredAt) {

		/** The fragment that names it in the issuer's DID document: {@code key-<id>}. */
		public String fragment() {
			return "key-" + id;
		}

		public String publicKeyMultibase() {
			return Multibase.ed25519PublicKey(publicKey);
		}
	}

	/** The current key, ready to sign. */
	record SigningKey(PublishedKey published, PrivateKey privateKey) {
	}

	private final JdbcClient jdbc;
	private final SecretSeal seal;
	private final Clock clock;
	/** Unsealed private keys by key id: unsealing is cheap, but signing thousands an hour need not repeat it. */
	private final ConcurrentMap<UUID, PrivateKey> unsealed = new ConcurrentHashMap<>();

	IssuerKeys(JdbcClient jdbc, SecretSeal seal, Clock clock) {
		this.jdbc = jdbc;
		this.seal = seal;
		this.clock = clock;
	}

	/** The organisation's current key, made if it has none yet (two nodes at once: both use the first one's). */
	@Transactional
	SigningKey current(OrganisationId organisation) {
		var existing = currentRow(organisation);
		if (existing.isEmpty()) {
			make(organisation);
			existing = currentRow(organisation);
		}
		var row = existing.orElseThrow();
		var key = unsealed.computeIfAbsent(row.id(), id -> Ed25519.privateKey(
				seal.unseal(purpose(id), new SecretSeal.Sealed(row.privateKey(), row.sealedWith()))));
		return new SigningKey(new PublishedKey(row.id(), row.publicKey(), row.createdAt(), null), key);
	}

	/** Every key the organisation has published, newest first. */
	@Transactional(readOnly = true)
	public List<PublishedKey> published(OrganisationId organisation) {
		return jdbc.sql("""
				SELECT id, public_key, created_at, retired_at
				FROM issuer_keys
				WHERE organisation_id = :organisation
				ORDER BY created_at DESC
				""")
			.param("organisation", organisation.value())
			.query((rs, n) -> new PublishedKey(rs.getObject("id", UUID.class), rs.getBytes("public_key"),
					Timestamps.read(rs, "created_at"), Timestamps.read(rs, "retired_at")))
			.list();
	}

	/** One of the organisation's published keys. */
	@Transactional(readOnly = true)
	public Optional<PublishedKey> published(OrganisationId organisation, UUID id) {
		return published(organisation).stream().filter(k -> k.id().equals(id)).findFirst();
	}

	/** Retires the organisation's current key and makes the next; the retired one stays published. */
	@Transactional
	public PublishedKey rotate(OrganisationId organisation) {
		jdbc.sql("""
				UPDATE issuer_keys
				SET current_for = NULL, retired_at = :now
				WHERE current_for = :organisation
				""")
			.param("now", Timestamps.of(clock.instant()))
			.param("organisation", organisation.value())
			.update();
		make(organisation);
		var row = currentRow(organisation).orElseThrow();
		return new PublishedKey(row.id(), row.publicKey(), row.createdAt(), null);
	}

	private void make(OrganisationId organisation) {
		var pair = Ed25519.generate();
		var id = UUID.randomUUID();
		var sealed = seal.seal(purpose(id), pair.getPrivate().getEncoded());
		jdbc.sql("""
				INSERT INTO issuer_keys (id, organisation_id, current_for, public_key, private_key, sealed_with,
				                         created_at)
				VALUES (:id, :organisation, :organisation, :publicKey, :privateKey, :sealedWith, :now)
				ON CONFLICT DO NOTHING
				""")
			.param("id", id)
			.param("organisation", organisation.value())
			.param("publicKey", Ed25519.raw(pair.getPublic()))
			.param("privateKey", sealed.bytes())
			.param("sealedWith", sealed.sealedWith())
			.param("now", Timestamps.of(clock.instant()))
			.update();
	}

	private Optional<Row> currentRow(OrganisationId organisation) {
		return jdbc.sql("""
				SELECT id, public_key, private_key, sealed_with, created_at
				FROM issuer_keys
				WHERE current_for = :organisation
				""")
			.param("organisation", organisation.value())
			.query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getBytes("public_key"),
					rs.getBytes("private_key"), rs.getString("sealed_with"), Timestamps.read(rs, "created_at")))
			.optional();
	}

	private static String purpose(UUID key) {
		return "credentials issuer key " + key;
	}

	private record Row(UUID id, byte[] publicKey, byte[] privateKey, String sealedWith, Instant createdAt) {
	}
}
