package io.morsel.identity.internal;

import io.morsel.identity.CurrentMember;
import io.morsel.identity.OrganisationId;
import io.morsel.identity.OutboundMail;
import io.morsel.identity.Role;
import io.morsel.identity.UserId;
import io.morsel.identity.internal.Users.User;
import io.morsel.shared.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Admins invite people by email. The link lets a newcomer choose a name and password, or an existing user confirm
 * with their password, and joins them to the organisation with the roles the admin chose.
 */
@Service
public class Invitations {

	public static final Duration VALIDITY = Duration.ofDays(7);

	private final JdbcClient jdbc;
	private final Users users;
	private final Memberships memberships;
	private final PasswordEncoder passwords;
	private final OutboundMail mail;
	private final MessageSource messages;
	private final TransactionTemplate transaction;
	private final Clock clock;

	Invitations(JdbcClient jdbc, Users users, Memberships memberships, PasswordEncoder passwords, OutboundMail mail,
			MessageSource messages, TransactionTemplate transaction, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.memberships = memberships;
		this.passwords = passwords;
		this.mail = mail;
		this.messages = messages;
		this.transaction = transaction;
		this.clock = clock;
	}

	/** An open invitation, as the invitee sees it. */
	public record Invitation(UUID id, OrganisationId organisationId, String organisationName, String email,
			Set<Role> roles, Instant expiresAt, boolean hasAccount) {
	}

	/** A pending invitation, as the organisation's admins see it. */
	public record Pending(UUID id, String email, Set<Role> roles, Instant createdAt, Instant expiresAt) {
	}

	public void invite(CurrentMember admin, String email, Set<Role> roles, String linkBase) {
		var secret = Secrets.newSecret("");
		var locale = admin.locale();
		store(admin.organisationId(), admin.userId(), email, roles, secret);
		var subject = messages.getMessage("mail.invite.subject", new Object[] { admin.organisationName() }, locale);
		var text = messages.getMessage("mail.invite.body",
				new Object[] { admin.name(), admin.organisationName(), linkBase + secret, VALIDITY.toDays() }, locale);
		mail.send(OutboundMail.Message.plain(email, subject, text));
	}

	/** Invites the first admin of a new organisation, on behalf of nobody (see {@link OrganisationBootstrap}). */
	void inviteFirstAdmin(Organisations.Organisation organisation, String email, String linkBase) {
		var secret = Secrets.newSecret("");
		var locale = Locale.ENGLISH;
		store(organisation.id(), null, email, EnumSet.of(Role.ADMIN), secret);
		var subject = messages.getMessage("mail.invite.subject", new Object[] { organisation.name() }, locale);
		var text = messages.getMessage("mail.bootstrap.body",
				new Object[] { organisation.name(), linkBase + secret, VALIDITY.toDays() }, locale);
		mail.send(OutboundMail.Message.plain(email, subject, text));
	}

	private void store(OrganisationId organisation, @Nullable UserId invitedBy, String email, Set<Role> roles,
			String secret) {
		var now = clock.instant();
		transaction.executeWithoutResult(status -> jdbc.sql("""
				INSERT INTO invitations (id, organisation_id, email, roles, token_hash, invited_by, created_at, expires_at)
				VALUES (:id, :organisation, :email, :roles, :hash, :by, :now, :expires)
				""")
			.param("id", UUID.randomUUID())
			.param("organisation", organisation.value())
			.param("email", Users.normalise(email))
			.param("roles", Role.joinAll(roles))
			.param("hash", Secrets.hash(secret))
			.param("by", invitedBy == null ? null : invitedBy.value())
			.param("now", Timestamps.of(now))
			.param("expires", Timestamps.of(now.plus(VALIDITY)))
			.update());
	}

	@Transactional(readOnly = true)
	public List<Pending> pending(OrganisationId organisation) {
		return jdbc.sql("""
				SELECT id, email, roles, created_at, expires_at
				FROM invitations
				WHERE organisation_id = :organisation
				  AND accepted_at IS NULL
				  AND expires_at > :now
				ORDER BY created_at DESC
				""")
			.param("organisation", organisation.value())
			.param("now", Timestamps.of(clock.instant()))
			.query((rs, n) -> new Pending(rs.getObject("id", UUID.class), rs.getString("email"),
					Role.parseAll(rs.getString("roles")), Timestamps.read(rs, "created_at"),
					Timestamps.read(rs, "expires_at")))
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<Invitation> open(String secret) {
		return jdbc.sql("""
				SELECT i.id, i.organisation_id, o.name, i.email, i.roles, i.expires_at
				FROM invitations i
				JOIN organisations o ON o.id = i.organisation_id
				WHERE i.token_hash = :hash
				  AND i.accepted_at IS NULL
				  AND i.expires_at > :now
				""")
			.param("hash", Secrets.hash(secret))
			.param("now", Timestamps.of(clock.instant()))
			.query((rs, n) -> new Invitation(rs.getObject("id", UUID.class),
					new OrganisationId(rs.getObject("organisation_id", UUID.class)), rs.getString("name"),
					rs.getString("email"), Role.parseAll(rs.getString("roles")), Timestamps.read(rs, "expires_at"),
					false))
			.optional()
			.map(i -> new Invitation(i.id(), i.organisationId(), i.organisationName(), i.email(), i.roles(),
					i.expiresAt(), users.findByEmail(i.email()).isPresent()));
	}

	/** Why an invitation could not be accepted. */
	public enum Outcome {
		JOINED, INVALID_LINK, WRONG_PASSWORD
	}

	/**
	 * Accepts the invitation: a newcomer gets an account with this name and password; someone who has an account
	 * proves it with their password (the name is then ignored).
	 */
	@Transactional
	public Outcome accept(String secret, String name, String password, String timeZone) {
		var invitation = open(secret);
		if (invitation.isEmpty()) {
			return Outcome.INVALID_LINK;
		}
		var now = clock.instant();
		var existing = users.findByEmail(invitation.get().email());
		User user;
		if (existing.isPresent()) {
			var hash = existing.get().passwordHash();
			if (hash == null || !passwords.matches(password, hash)) {
				return Outcome.WRONG_PASSWORD;
			}
			user = existing.get();
		}
		else {
			user = users.create(invitation.get().email(), name, passwords.encode(password), timeZone, "en", false, now);
		}
		memberships.join(invitation.get().organisationId(), user.id(), invitation.get().roles(), now);
		jdbc.sql("""
				UPDATE invitations
				SET accepted_at = :now
				WHERE id = :id
				""")
			.param("id", invitation.get().id())
			.param("now", Timestamps.of(now))
			.update();
		return Outcome.JOINED;
	}
}
