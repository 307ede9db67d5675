package io.morsel.identity.internal;

import io.morsel.shared.Caches;
import com.github.benmanes.caffeine.cache.Cache;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.OrganisationId;
import io.morsel.identity.UserId;
import io.morsel.shared.InvalidValueException;
import io.morsel.shared.NotFoundException;
import io.morsel.shared.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens. Each belongs to one person in one organisation and acts with that person's roles there.
 * The secret is shown once; only its SHA-256 hash is stored. A token expires (the organisation sets how long one may
 * last) and may be read-only: it then reads through the API and changes nothing.
 */
@Service
public class ApiTokens {

	public static final String PREFIX = "mrsl_";

	/** Last use is recorded at most this often, so a busy token does not write on every request. */
	private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

	/** Tokens last this long unless their owner asks for less (or the organisation allows less). */
	public static final int DEFAULT_DAYS = 90;

	private record Owner(UUID id, UserId user, OrganisationId organisation, @Nullable Instant lastUsedAt,
			Instant expiresAt, boolean readOnly) {

		Owner usedAt(Instant now) {
			return new Owner(id, user, organisation, now, expiresAt, readOnly);
		}
	}

	private final JdbcClient jdbc;
	private final ActiveMembers members;
	private final Organisations organisations;
	private final Clock clock;
	/**
	 * Tokens by hash, read once per recheck interval per node ({@code morsel.sessions.recheck}, ADR 0004): a
	 * revocation applies at once on the node that made it and within the interval on the others.
	 */
	private final Cache<String, Optional<Owner>> owners;

	ApiTokens(JdbcClient jdbc, ActiveMembers members, Organisations organisations, Clock clock, Caches caches) {
		this.jdbc = jdbc;
		this.members = members;
		this.organisations = organisations;
		this.clock = clock;
		this.owners = caches.named("api-token-owners");
	}

	/** A token as its owner sees it (never its secret). */
	public record Token(UUID id, String name, String hint, Instant createdAt, @Nullable Instant lastUsedAt,
			Instant expiresAt, boolean readOnly) {
	}

	public record IssuedToken(Token token, String secret) {
	}

	/** A token as the organisation's admins see it: whose it is, besides what its owner sees. */
	public record OwnedToken(Token token, UserId owner, String ownerName, String ownerEmail) {
	}

	/** A request is made with this token: the member it acts as, and whether it may only read. */
	public record Bearer(CurrentMember member, boolean readOnly) {
	}

	/**
	 * Issues a token lasting {@code days} (by default {@value #DEFAULT_DAYS}, or the organisation's maximum when that
	 * is shorter); more than the organisation allows is refused.
	 */
	@Transactional
	public IssuedToken issue(CurrentMember owner, String name, @Nullable Integer days, boolean readOnly) {
		var maximum = organisations.tokenMaxDays(owner.organisationId());
		if (days != null && (days < 1 || days > maximum)) {
			throw new InvalidValueException("identity.refused.token-lasts-1-days-organisation", maximum);
		}
		var lasting = days != null ? days : Math.min(DEFAULT_DAYS, maximum);
		var secret = Secrets.newSecret(PREFIX);
		// As the database keeps it, so the answer and a later listing say the same.
		var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		var token = new Token(UUID.randomUUID(), name, secret.substring(secret.length() - 4), now, null,
				now.plus(Duration.ofDays(lasting)), readOnly);
		jdbc.sql("""
				INSERT INTO api_tokens (id, organisation_id, user_id, name, token_hash, hint, created_at, expires_at,
				                        read_only)
				VALUES (:id, :organisation, :user, :name, :hash, :hint, :now, :expires, :readOnly)
				""")
			.param("id", token.id())
			.param("organisation", owner.organisationId().value())
			.param("user", owner.userId().value())
			.param("name", name)
			.param("hash", Secrets.hash(secret))
			.param("hint", token.hint())
			.param("now", Timestamps.of(token.createdAt()))
			.param("expires", Timestamps.of(token.expiresAt()))
			.param("readOnly", readOnly)
			.update();
		return new IssuedToken(token, secret);
	}

	/** The owner's tokens in the organisation they act in, expired ones included until they are revoked. */
	@Transactional(readOnly = true)
	public List<Token> of(CurrentMember owner) {
		return jdbc.sql("""
				SELECT id, name, hint, created_at, last_used_at, expires_at, read_only
				FROM api_tokens
				WHERE organisation_id = :organisation
				  AND user_id = :user
				  AND revoked_at IS NULL
				ORDER BY created_at DESC
				""")
			.param("organisation", owner.organisationId().value())
			.param("user", owner.userId().value())
			.query((rs, n) -> token(rs))
			.list();
	}

	/** Every token of the organisation that is not revoked, with its owner, newest first: for its admins. */
	@Transactional(readOnly = true)
	public List<OwnedToken> inOrganisation(OrganisationId organisation) {
		return jdbc.sql("""
				SELECT t.id, t.name, t.hint, t.created_at, t.last_used_at, t.expires_at, t.read_only,
				       u.id AS owner, u.name AS owner_name, u.email AS owner_email
				FROM api_tokens t
				JOIN users u ON u.id = t.user_id
				WHERE t.organisation_id = :organisation
				  AND t.revoked_at IS NULL
				ORDER BY t.created_at DESC
				""")
			.param("organisation", organisation.value())
			.query((rs, n) -> new OwnedToken(token(rs), new UserId(rs.getObject("owner", UUID.class)),
					rs.getString("owner_name"), rs.getString("owner_email")))
			.list();
	}

	/** An admin revokes any token of their organisation; another organisation's is not found. */
	@Transactional
	public void revokeInOrganisation(OrganisationId organisation, UUID id) {
		var revoked = jdbc.sql("""
				UPDATE api_tokens
				SET revoked_at = :now
				WHERE id = :id
				  AND organisation_id = :organisation
				  AND revoked_at IS NULL
				""")
			.param("id", id)
			.param("organisation", organisation.value())
			.param("now", Timestamps.of(clock.instant()))
			.update();
		if (revoked == 0) {
			throw new NotFoundException("not-found.token");
		}
		forget(id);
	}

	private static Token token(ResultSet rs) throws SQLException {
		return new Token(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("hint"),
				Timestamps.read(rs, "created_at"), Timestamps.read(rs, "last_used_at"),
				Timestamps.read(rs, "expires_at"), rs.getBoolean("read_only"));
	}

	/** Revokes one of the owner's tokens; another person's token, or another organisation's, is not found. */
	@Transactional
	public void revoke(CurrentMember owner, UUID id) {
		var revoked = jdbc.sql("""
				UPDATE api_tokens
				SET revoked_at = :now
				WHERE id = :id
				  AND organisation_id = :organisation
				  AND user_id = :user
				  AND revoked_at IS NULL
				""")
			.param("id", id)
			.param("organisation", owner.organisationId().value())
			.param("user", owner.userId().value())
			.param("now", Timestamps.of(clock.instant()))
			.update();
		if (revoked == 0) {
			throw new NotFoundException("not-found.token");
		}
		forget(id);
	}

	private void forget(UUID id) {
		owners.asMap().values().removeIf(cached -> cached.filter(o -> o.id().equals(id)).isPresent());
	}

	/** Forgets the tokens of the person in this organisation, so this node reads them afresh (access revoked). */
	void forget(UserId user, OrganisationId organisation) {
		owners.asMap()
			.values()
			.removeIf(cached -> cached.filter(o -> o.user().equals(user) && o.organisation().equals(organisation))
				.isPresent());
	}

	/** Revokes every token of the person in this organisation (removed from it). */
	void revokeAll(UserId user, OrganisationId organisation) {
		jdbc.sql("""
				UPDATE api_tokens
				SET revoked_at = :now
				WHERE organisation_id = :organisation
				  AND user_id = :user
				  AND revoked_at IS NULL
				""")
			.param("organisation", organisation.value())
			.param("user", user.value())
			.param("now", Timestamps.of(clock.instant()))
			.update();
	}

	/**
	 * The member a bearer secret acts as, while the token is neither revoked nor expired and its owner still belongs
	 * there.
	 */
	public Optional<Bearer> authenticate(String secret) {
		if (!secret.startsWith(PREFIX)) {
			return Optional.empty();
		}
		var hash = Secrets.hash(secret);
		var owner = owners.get(hash, this::owner);
		if (owner.isEmpty()) {
			return Optional.empty();
		}
		var now = clock.instant();
		if (!owner.get().expiresAt().isAfter(now)) {
			return Optional.empty();
		}
		var last = owner.get().lastUsedAt();
		if (last == null || last.isBefore(now.minus(LAST_USED_RESOLUTION))) {
			jdbc.sql("""
					UPDATE api_tokens
					SET last_used_at = :now
					WHERE id = :id
					""")
				.param("id", owner.get().id())
				.param("now", Timestamps.of(now))
				.update();
			owners.asMap().replace(hash, owner, Optional.of(owner.get().usedAt(now)));
		}
		return members.find(owner.get().user(), owner.get().organisation())
			.map(member -> new Bearer(member, owner.get().readOnly()));
	}

	private Optional<Owner> owner(String hash) {
		return jdbc.sql("""
				SELECT id, user_id, organisation_id, last_used_at, expires_at, read_only
				FROM api_tokens
				WHERE token_hash = :hash
				  AND revoked_at IS NULL
				""")
			.param("hash", hash)
			.query((rs, n) -> new Owner(rs.getObject("id", UUID.class), new UserId(rs.getObject("user_id", UUID.class)),
					new OrganisationId(rs.getObject("organisation_id", UUID.class)),
					Timestamps.read(rs, "last_used_at"), Timestamps.read(rs, "expires_at"), rs.getBoolean("read_only")))
			.optional();
	}
}
