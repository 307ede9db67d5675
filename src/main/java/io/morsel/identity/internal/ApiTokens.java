package io.morsel.identity.internal;

import io.morsel.shared.Caches;
import com.github.benmanes.caffeine.cache.Cache;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.OrganisationId;
import io.morsel.identity.UserId;
import io.morsel.shared.NotFoundException;
import io.morsel.shared.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens. Each belongs to one person in one organisation and acts with that person's roles there.
 * The secret is shown once; only its SHA-256 hash is stored.
 */
@Service
public class ApiTokens {

	public static final String PREFIX = "mrsl_";

	/** Last use is recorded at most this often, so a busy token does not write on every request. */
	private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

	private record Owner(UUID id, UserId user, OrganisationId organisation, @Nullable Instant lastUsedAt) {
	}

	private final JdbcClient jdbc;
	private final ActiveMembers members;
	private final Clock clock;
	/**
	 * Tokens by hash, read once per recheck interval per node ({@code morsel.sessions.recheck}, ADR 0004): a
	 * revocation applies at once on the node that made it and within the interval on the others.
	 */
	private final Cache<String, Optional<Owner>> owners;

	ApiTokens(JdbcClient jdbc, ActiveMembers members, Clock clock, Caches caches) {
		this.jdbc = jdbc;
		this.members = members;
		this.clock = clock;
		this.owners = caches.named("api-token-owners");
	}

	public record Token(UUID id, String name, String hint, Instant createdAt, @Nullable Instant lastUsedAt) {
	}

	public record IssuedToken(Token token, String secret) {
	}

	@Transactional
	public IssuedToken issue(CurrentMember owner, String name) {
		var secret = Secrets.newSecret(PREFIX);
		var token = new Token(UUID.randomUUID(), name, secret.substring(secret.length() - 4), clock.instant(), null);
		jdbc.sql("""
				INSERT INTO api_tokens (id, organisation_id, user_id, name, token_hash, hint, created_at)
				VALUES (:id, :organisation, :user, :name, :hash, :hint, :now)
				""")
			.param("id", token.id())
			.param("organisation", owner.organisationId().value())
			.param("user", owner.userId().value())
			.param("name", name)
			.param("hash", Secrets.hash(secret))
			.param("hint", token.hint())
			.param("now", Timestamps.of(token.createdAt()))
			.update();
		return new IssuedToken(token, secret);
	}

	@Transactional(readOnly = true)
	public List<Token> of(CurrentMember owner) {
		return jdbc.sql("""
				SELECT id, name, hint, created_at, last_used_at
				FROM api_tokens
				WHERE organisation_id = :organisation
				  AND user_id = :user
				  AND revoked_at IS NULL
				ORDER BY created_at DESC
				""")
			.param("organisation", owner.organisationId().value())
			.param("user", owner.userId().value())
			.query((rs, n) -> new Token(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("hint"),
					Timestamps.read(rs, "created_at"), Timestamps.read(rs, "last_used_at")))
			.list();
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
			throw new NotFoundException("Token");
		}
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

	/** The member a bearer secret acts as, while the token is not revoked and its owner still belongs there. */
	public Optional<CurrentMember> authenticate(String secret) {
		if (!secret.startsWith(PREFIX)) {
			return Optional.empty();
		}
		var hash = Secrets.hash(secret);
		var owner = owners.get(hash, this::owner);
		if (owner.isEmpty()) {
			return Optional.empty();
		}
		var now = clock.instant();
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
			owners.asMap().replace(hash, owner, Optional.of(new Owner(owner.get().id(), owner.get().user(),
					owner.get().organisation(), now)));
		}
		return members.find(owner.get().user(), owner.get().organisation());
	}

	private Optional<Owner> owner(String hash) {
		return jdbc.sql("""
				SELECT id, user_id, organisation_id, last_used_at
				FROM api_tokens
				WHERE token_hash = :hash
				  AND revoked_at IS NULL
				""")
			.param("hash", hash)
			.query((rs, n) -> new Owner(rs.getObject("id", UUID.class), new UserId(rs.getObject("user_id", UUID.class)),
					new OrganisationId(rs.getObject("organisation_id", UUID.class)),
					Timestamps.read(rs, "last_used_at")))
			.optional();
	}
}
