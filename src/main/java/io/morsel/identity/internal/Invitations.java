package io.morsel.identity.internal;

import io.morsel.identity.CurrentMember;
import io.morsel.identity.GroupId;
import io.morsel.identity.MemberId;
import io.morsel.identity.OrganisationId;
import io.morsel.identity.OutboundMail;
import io.morsel.identity.Role;
import io.morsel.identity.UserId;
import io.morsel.identity.internal.Users.User;
import io.morsel.shared.NotFoundException;
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
import org.springframework.beans.factory.annotation.Value;
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
	private final Accounts accounts;
	/** Where an invitation's link points, its secret appended: from the configured address, never a request's. */
	private final String links;

	Invitations(JdbcClient jdbc, Users users, Memberships memberships, PasswordEncoder passwords, OutboundMail mail,
			MessageSource messages, TransactionTemplate transaction, Clock clock, Accounts accounts,
			@Value("${morsel.base-url}") String baseUrl) {
		this.accounts = accounts;
		this.links = (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl) + "/invitations/";
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
	/** @param name the name the admin gave the person, if any: the acceptance form offers it */
	public record Invitation(UUID id, OrganisationId organisationId, String organisationName, String email,
			Set<Role> roles, Instant expiresAt, boolean hasAccount, @Nullable String name) {
	}

	/** An invitation not yet accepted nor revoked, as the organisation's admins see it; it may have expired. */
	public record Pending(UUID id, String email, Set<Role> roles, Instant createdAt, Instant expiresAt,
			boolean expired) {
	}

	/** What came of an invitation: sent, or not, because the address is already invited (that one) or a member. */
	public enum Result {
		SENT, ALREADY_INVITED, ALREADY_MEMBER
	}

	public record Invited(Result result, @Nullable Pending invitation) {
	}

	/**
	 * Invites the address to the admin's organisation, unless it already has an invitation there that still works
	 * (resend that one instead) or belongs to a member.
	 */
	@Transactional
	public Invited invite(CurrentMember admin, String email, Set<Role> roles) {
		return invite(admin, email, roles, null, List.of());
	}

	/**
	 * As {@link #invite(CurrentMember, String, Set)}, with the person's name, which the acceptance form offers, and
	 * the groups of the admin's organisation they join on acceptance.
	 */
	@Transactional
	public Invited invite(CurrentMember admin, String email, Set<Role> roles, @Nullable String name,
			List<GroupId> groups) {
		var address = Users.normalise(email);
		if (isMember(admin.organisationId(), address)) {
			return new Invited(Result.ALREADY_MEMBER, null);
		}
		var existing = pending(admin.organisationId()).stream()
			.filter(p -> p.email().equals(address) && !p.expired())
			.findFirst();
		if (existing.isPresent()) {
			return new Invited(Result.ALREADY_INVITED, existing.get());
		}
		var secret = Secrets.newSecret("");
		var id = store(admin.organisationId(), admin.userId(), address, roles, secret, name, groups);
		mailInvitation(admin, address, secret);
		return new Invited(Result.SENT, find(admin.organisationId(), id).orElseThrow());
	}

	/**
	 * Sends the invitation again with a new link, valid for {@link #VALIDITY} from now; the link sent before stops
	 * working. An expired invitation is renewed this way.
	 */
	@Transactional
	public Pending resend(CurrentMember admin, UUID id) {
		var invitation = find(admin.organisationId(), id)
			.orElseThrow(() -> new NotFoundException("not-found.invitation"));
		var secret = Secrets.newSecret("");
		var now = clock.instant();
		jdbc.sql("""
				UPDATE invitations
				SET token_hash = :hash, expires_at = :expires
				WHERE id = :id
				""")
			.param("id", id)
			.param("hash", Secrets.hash(secret))
			.param("expires", Timestamps.of(now.plus(VALIDITY)))
			.update();
		mailInvitation(admin, invitation.email(), secret);
		return find(admin.organisationId(), id).orElseThrow();
	}

	/** Revokes an invitation: its link stops working. */
	@Transactional
	public void revoke(CurrentMember admin, UUID id) {
		var revoked = jdbc.sql("""
				UPDATE invitations
				SET revoked_at = :now
				WHERE id = :id
				  AND organisation_id = :organisation
				  AND accepted_at IS NULL
				  AND revoked_at IS NULL
				""")
			.param("id", id)
			.param("organisation", admin.organisationId().value())
			.param("now", Timestamps.of(clock.instant()))
			.update();
		if (revoked == 0) {
			throw new NotFoundException("not-found.invitation");
		}
	}

	private void mailInvitation(CurrentMember admin, String email, String secret) {
		var locale = admin.locale();
		var subject = messages.getMessage("mail.invite.subject", new Object[] { admin.organisationName() }, locale);
		var text = messages.getMessage("mail.invite.body",
				new Object[] { admin.name(), admin.organisationName(), links + secret, VALIDITY.toDays() }, locale);
		mail.send(OutboundMail.Message.plain(email, subject, text));
	}

	private boolean isMember(OrganisationId organisation, String email) {
		return jdbc.sql("""
				SELECT COUNT(*)
				FROM memberships m
				JOIN users u ON u.id = m.user_id
				WHERE m.organisation_id = :organisation
				  AND u.email = :email
				""")
			.param("organisation", organisation.value())
			.param("email", email)
			.query(Long.class)
			.single() > 0;
	}

	/** The normalised emails of the organisation's members. */
	@Transactional(readOnly = true)
	public Set<String> memberEmails(OrganisationId organisation) {
		return Set.copyOf(jdbc.sql("""
				SELECT u.email
				FROM memberships m
				JOIN users u ON u.id = m.user_id
				WHERE m.organisation_id = :organisation
				""")
			.param("organisation", organisation.value())
			.query(String.class)
			.list());
	}

	/** The new member joins the groups the invitation names that are still groups of its organisation. */
	private void joinGroups(Invitation invitation, MemberId member) {
		var ids = jdbc.sql("""
				SELECT group_ids
				FROM invitations
				WHERE id = :id
				""")
			.param("id", invitation.id())
			.query(String.class)
			.optional()
			.orElse(null);
		if (ids == null || ids.isBlank()) {
			return;
		}
		for (var id : ids.split(",")) {
			jdbc.sql("""
					INSERT INTO member_group_members (group_id, membership_id)
					SELECT g.id, :member
					FROM member_groups g
					WHERE g.id = :group
					  AND g.organisation_id = :organisation
					ON CONFLICT DO NOTHING
					""")
				.param("member", member.value())
				.param("group", UUID.fromString(id))
				.param("organisation", invitation.organisationId().value())
				.update();
		}
	}

	/** Invites the first admin of a new organisation, on behalf of nobody (see {@link OrganisationBootstrap}). */
	void inviteFirstAdmin(Organisations.Organisation organisation, String email, String linkBase) {
		var secret = Secrets.newSecret("");
		var locale = Locale.ENGLISH;
		store(organisation.id(), null, email, EnumSet.of(Role.ADMIN), secret, null, List.of());
		var subject = messages.getMessage("mail.invite.subject", new Object[] { organisation.name() }, locale);
		var text = messages.getMessage("mail.bootstrap.body",
				new Object[] { organisation.name(), linkBase + secret, VALIDITY.toDays() }, locale);
		mail.send(OutboundMail.Message.plain(email, subject, text));
	}

	private UUID store(OrganisationId organisation, @Nullable UserId invitedBy, String email, Set<Role> roles,
			String secret, @Nullable String name, List<GroupId> groups) {
		var now = clock.instant();
		var id = UUID.randomUUID();
		transaction.executeWithoutResult(status -> jdbc.sql("""
				INSERT INTO invitations (id, organisation_id, email, roles, token_hash, invited_by, created_at, expires_at,
				                         name, group_ids)
				VALUES (:id, :organisation, :email, :roles, :hash, :by, :now, :expires, :name, :groups)
				""")
			.param("name", name)
			.param("groups", groups.isEmpty() ? null
					: String.join(",", groups.stream().map(g -> g.value().toString()).toList()))
			.param("id", id)
			.param("organisation", organisation.value())
			.param("email", Users.normalise(email))
			.param("roles", Role.joinAll(roles))
			.param("hash", Secrets.hash(secret))
			.param("by", invitedBy == null ? null : invitedBy.value())
			.param("now", Timestamps.of(now))
			.param("expires", Timestamps.of(now.plus(VALIDITY)))
			.update());
		return id;
	}

	/** The invitations not accepted nor revoked, newest first, expired ones included (they can be sent again). */
	@Transactional(readOnly = true)
	public List<Pending> pending(OrganisationId organisation) {
		return pending(organisation, null);
	}

	private Optional<Pending> find(OrganisationId organisation, UUID id) {
		return pending(organisation, id).stream().findFirst();
	}

	private List<Pending> pending(OrganisationId organisation, @Nullable UUID only) {
		var now = clock.instant();
		return jdbc.sql("""
				SELECT id, email, roles, created_at, expires_at
				FROM invitations
				WHERE organisation_id = :organisation
				  AND accepted_at IS NULL
				  AND revoked_at IS NULL
				  AND (CAST(:only AS uuid) IS NULL OR id = CAST(:only AS uuid))
				ORDER BY created_at DESC
				""")
			.param("organisation", organisation.value())
			.param("only", only)
			.query((rs, n) -> new Pending(rs.getObject("id", UUID.class), rs.getString("email"),
					Role.parseAll(rs.getString("roles")), Timestamps.read(rs, "created_at"),
					Timestamps.read(rs, "expires_at"), !Timestamps.read(rs, "expires_at").isAfter(now)))
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<Invitation> open(String secret) {
		return jdbc.sql("""
				SELECT i.id, i.organisation_id, o.name, i.email, i.roles, i.expires_at, i.name AS invitee
				FROM invitations i
				JOIN organisations o ON o.id = i.organisation_id
				WHERE i.token_hash = :hash
				  AND i.accepted_at IS NULL
				  AND i.revoked_at IS NULL
				  AND i.expires_at > :now
				""")
			.param("hash", Secrets.hash(secret))
			.param("now", Timestamps.of(clock.instant()))
			.query((rs, n) -> new Invitation(rs.getObject("id", UUID.class),
					new OrganisationId(rs.getObject("organisation_id", UUID.class)), rs.getString("name"),
					rs.getString("email"), Role.parseAll(rs.getString("roles")), Timestamps.read(rs, "expires_at"),
					false, rs.getString("invitee")))
			.optional()
			.map(i -> new Invitation(i.id(), i.organisationId(), i.organisationName(), i.email(), i.roles(),
					i.expiresAt(), users.findByEmail(i.email()).isPresent(), i.name()));
	}

	/** Why an invitation could not be accepted. */
	public enum Outcome {
		JOINED, INVALID_LINK, WRONG_PASSWORD
	}

	/** The outcome, and the member the person now is, when they joined: they are signed in as them. */
	public record Acceptance(Outcome outcome, @Nullable CurrentMember member) {
	}

	/**
	 * Accepts the invitation: a newcomer gets an account with this name and password; someone who has an account
	 * proves it with their password (the name is then ignored).
	 */
	public Acceptance accept(String secret, String name, String password, String timeZone) {
		// The password is checked or hashed before the transaction, which would otherwise hold a database connection
		// for as long as that takes (PasswordHashing); the transaction then finds the invitation and account as they
		// were checked, or refuses.
		var checked = open(secret);
		if (checked.isEmpty()) {
			return new Acceptance(Outcome.INVALID_LINK, null);
		}
		var known = users.findByEmail(checked.get().email());
		String newHash = null;
		if (known.isPresent()) {
			var hash = known.get().passwordHash();
			if (hash == null || !passwords.matches(password, hash)) {
				return new Acceptance(Outcome.WRONG_PASSWORD, null);
			}
		}
		else {
			newHash = passwords.encode(password);
		}
		var created = newHash;
		return transaction.execute(status -> join(secret, name, timeZone, known.map(User::id).orElse(null), created));
	}

	private Acceptance join(String secret, String name, String timeZone, @Nullable UserId checkedUser,
			@Nullable String newHash) {
		var invitation = open(secret);
		if (invitation.isEmpty()) {
			return new Acceptance(Outcome.INVALID_LINK, null);
		}
		var now = clock.instant();
		var existing = users.findByEmail(invitation.get().email());
		User user;
		if (existing.isPresent()) {
			// An account made meanwhile, whose password was not the one checked, is not joined with it.
			if (!existing.get().id().equals(checkedUser)) {
				return new Acceptance(Outcome.WRONG_PASSWORD, null);
			}
			user = existing.get();
		}
		else {
			if (newHash == null) {
				return new Acceptance(Outcome.INVALID_LINK, null);
			}
			user = users.create(invitation.get().email(), name, newHash, timeZone, "en", false, now);
		}
		var member = memberships.join(invitation.get().organisationId(), user.id(), invitation.get().roles(), now);
		joinGroups(invitation.get(), member);
		jdbc.sql("""
				UPDATE invitations
				SET accepted_at = :now
				WHERE id = :id
				""")
			.param("id", invitation.get().id())
			.param("now", Timestamps.of(now))
			.update();
		return new Acceptance(Outcome.JOINED, accounts.memberOf(user.id(), invitation.get().organisationId())
			.orElseThrow());
	}
}
