package io.morsel.identity.internal;

import io.morsel.identity.MemberId;
import io.morsel.identity.OrganisationId;
import io.morsel.identity.Role;
import io.morsel.identity.UserId;
import io.morsel.shared.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who belongs to which organisation, with which roles. Every read of people is scoped to one organisation. */
@Repository
public class Memberships {

	private final JdbcClient jdbc;

	Memberships(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A user's membership in one organisation, as seen from the user's side. */
	public record Membership(MemberId id, OrganisationId organisationId, String slug, String organisationName,
			Set<Role> roles) {
	}

	/** A member as seen from inside the organisation. */
	public record Person(MemberId id, UserId userId, String name, String email, Set<Role> roles, Instant joinedAt,
			@Nullable Instant deactivatedAt) {

		public boolean active() {
			return deactivatedAt == null;
		}
	}

	/**
	 * The active member of the organisation with this email, user id or member id, as a recipient of messages; none
	 * for a deactivated member or anyone of another organisation.
	 */
	public Optional<io.morsel.identity.Recipient> recipient(OrganisationId organisation, @Nullable String email,
			@Nullable UUID id) {
		// One key at a time, each through its index (emails are stored normalised): an OR across the user's email and
		// the membership's ids would read every membership of the organisation, for each message sent.
		var which = email != null ? "u.email = :email" : "(m.user_id = :id OR m.id = :id)";
		return jdbc.sql("""
				SELECT u.id AS user_id, m.id, u.name, u.email, u.time_zone, u.language
				FROM memberships m
				JOIN users u ON u.id = m.user_id
				WHERE m.organisation_id = :organisation
				  AND m.deactivated_at IS NULL
				  AND %s
				""".formatted(which))
			.param("organisation", organisation.value())
			.param(email != null ? "email" : "id", email != null ? Users.normalise(email) : id)
			.query((rs, n) -> new io.morsel.identity.Recipient(new UserId(rs.getObject("user_id", UUID.class)),
					new MemberId(rs.getObject("id", UUID.class)), rs.getString("name"), rs.getString("email"),
					java.time.ZoneId.of(rs.getString("time_zone")), java.util.Locale.forLanguageTag(rs.getString("language"))))
			.optional();
	}

	/**
	 * The active members of the organisation among these users, as recipients of messages, read by index lookups a
	 * hundred at a time: for work done for many learners at once. Users who are not active members of the organisation are left out.
	 */
	public List<io.morsel.identity.Recipient> recipients(OrganisationId organisation, java.util.Collection<UUID> users) {
		var all = List.copyOf(users);
		var found = new ArrayList<io.morsel.identity.Recipient>(all.size());
		// A few hundred keys or more in one IN list, and PostgreSQL hashes a scan of every membership and every user
		// (seen at 100,000 learners with the floor planner's 2,000): in lists this short it looks each one up.
		for (var from = 0; from < all.size(); from += RECIPIENTS_PER_QUERY) {
			found.addAll(recipientsAmong(organisation, all.subList(from, Math.min(all.size(), from + RECIPIENTS_PER_QUERY))));
		}
		return found;
	}

	/** The most users looked up by one query of {@link #recipients}, so that each is an index lookup. */
	static final int RECIPIENTS_PER_QUERY = 100;

	private List<io.morsel.identity.Recipient> recipientsAmong(OrganisationId organisation, List<UUID> users) {
		return jdbc.sql("""
				SELECT u.id AS user_id, m.id, u.name, u.email, u.time_zone, u.language
				FROM memberships m
				JOIN users u ON u.id = m.user_id
				WHERE m.organisation_id = :organisation
				  AND m.deactivated_at IS NULL
				  AND m.user_id IN (:users)
				""")
			.param("organisation", organisation.value())
			.param("users", users)
			.query((rs, n) -> new io.morsel.identity.Recipient(new UserId(rs.getObject("user_id", UUID.class)),
					new MemberId(rs.getObject("id", UUID.class)), rs.getString("name"), rs.getString("email"),
					java.time.ZoneId.of(rs.getString("time_zone")), java.util.Locale.forLanguageTag(rs.getString("language"))))
			.list();
	}

	public List<Membership> of(UserId user) {
		var rows = jdbc.sql("""
				SELECT m.id, m.organisation_id, o.slug, o.name, r.role
				FROM memberships m
				JOIN organisations o ON o.id = m.organisation_id
				LEFT JOIN membership_roles r ON r.membership_id = m.id
				WHERE m.user_id = :user
				  AND m.deactivated_at IS NULL
				ORDER BY o.name, o.slug
				""")
			.param("user", user.value())
			.query((rs, n) -> new Membership(new MemberId(rs.getObject(1, UUID.class)),
					new OrganisationId(rs.getObject(2, UUID.class)), rs.getString(3), rs.getString(4),
					roleSet(rs.getString(5))))
			.list();
		var merged = new LinkedHashMap<MemberId, Membership>();
		for (var row : rows) {
			merged.merge(row.id(), row, (a, b) -> new Membership(a.id(), a.organisationId(), a.slug(),
					a.organisationName(), union(a.roles(), b.roles())));
		}
		return List.copyOf(merged.values());
	}

	public List<Person> people(OrganisationId organisation) {
		return people(organisation, null);
	}

	public Optional<Person> person(OrganisationId organisation, MemberId member) {
		return people(organisation, member).stream().findFirst();
	}

	private List<Person> people(OrganisationId organisation, MemberId member) {
		var rows = jdbc.sql("""
				SELECT m.id, u.id AS user_id, u.name, u.email, m.joined_at, m.deactivated_at, r.role
				FROM memberships m
				JOIN users u ON u.id = m.user_id
				LEFT JOIN membership_roles r ON r.membership_id = m.id
				WHERE m.organisation_id = :organisation
				  AND (CAST(:member AS uuid) IS NULL OR m.id = CAST(:member AS uuid))
				ORDER BY u.name, u.email
				""")
			.param("organisation", organisation.value())
			.param("member", member == null ? null : member.value())
			.query((rs, n) -> new Person(new MemberId(rs.getObject("id", UUID.class)),
					new UserId(rs.getObject("user_id", UUID.class)), rs.getString("name"), rs.getString("email"),
					roleSet(rs.getString("role")), Timestamps.read(rs, "joined_at"),
					Timestamps.read(rs, "deactivated_at")))
			.list();
		var merged = new LinkedHashMap<MemberId, Person>();
		for (var row : rows) {
			merged.merge(row.id(), row, (a, b) -> new Person(a.id(), a.userId(), a.name(), a.email(),
					union(a.roles(), b.roles()), a.joinedAt(), a.deactivatedAt()));
		}
		return new ArrayList<>(merged.values());
	}

	/** Adds the user to the organisation, or adds the roles to an existing membership. */
	@org.springframework.transaction.annotation.Transactional
	public MemberId join(OrganisationId organisation, UserId user, Set<Role> roles, Instant now) {
		var existing = jdbc.sql("""
				SELECT id
				FROM memberships
				WHERE organisation_id = :organisation
				  AND user_id = :user
				""")
			.param("organisation", organisation.value())
			.param("user", user.value())
			.query(UUID.class)
			.optional()
			.map(MemberId::new);
		var id = existing.orElseGet(MemberId::random);
		if (existing.isEmpty()) {
			jdbc.sql("""
					INSERT INTO memberships (id, organisation_id, user_id, joined_at)
					VALUES (:id, :organisation, :user, :now)
					""")
				.param("id", id.value())
				.param("organisation", organisation.value())
				.param("user", user.value())
				.param("now", Timestamps.of(now))
				.update();
		}
		var current = existing.isEmpty() ? EnumSet.noneOf(Role.class) : rolesOf(id);
		for (var role : roles) {
			if (!current.contains(role)) {
				insertRole(id, role);
			}
		}
		return id;
	}

	/** Replaces the roles of a member of this organisation; false when there is no such member here. */
	@org.springframework.transaction.annotation.Transactional
	public boolean replaceRoles(OrganisationId organisation, MemberId member, Set<Role> roles) {
		var found = jdbc.sql("""
				SELECT COUNT(*)
				FROM memberships
				WHERE organisation_id = :organisation
				  AND id = :member
				""")
			.param("organisation", organisation.value())
			.param("member", member.value())
			.query(Long.class)
			.single() > 0;
		if (!found) {
			return false;
		}
		jdbc.sql("""
				DELETE FROM membership_roles
				WHERE membership_id = :member
				""")
			.param("member", member.value())
			.update();
		roles.forEach(role -> insertRole(member, role));
		return true;
	}

	/** Marks the member deactivated (or active again, given no time); false when there is no such member here. */
	public boolean setDeactivated(OrganisationId organisation, MemberId member, @Nullable Instant at) {
		return jdbc.sql("""
				UPDATE memberships
				SET deactivated_at = :at
				WHERE organisation_id = :organisation
				  AND id = :member
				""")
			.param("organisation", organisation.value())
			.param("member", member.value())
			.param("at", Timestamps.of(at))
			.update() == 1;
	}

	/** Removes the member from the organisation, with their roles and group places; their user account stays. */
	public void remove(OrganisationId organisation, MemberId member) {
		jdbc.sql("""
				DELETE FROM memberships
				WHERE organisation_id = :organisation
				  AND id = :member
				""")
			.param("organisation", organisation.value())
			.param("member", member.value())
			.update();
	}

	public long countWithRole(OrganisationId organisation, Role role) {
		return jdbc.sql("""
				SELECT COUNT(*)
				FROM memberships m
				JOIN membership_roles r ON r.membership_id = m.id
				WHERE m.organisation_id = :organisation
				  AND r.role = :role
				""")
			.param("organisation", organisation.value())
			.param("role", role.name())
			.query(Long.class)
			.single();
	}

	private EnumSet<Role> rolesOf(MemberId member) {
		var roles = EnumSet.noneOf(Role.class);
		jdbc.sql("""
				SELECT role
				FROM membership_roles
				WHERE membership_id = :member
				""")
			.param("member", member.value())
			.query(String.class)
			.list()
			.forEach(r -> roles.add(Role.valueOf(r)));
		return roles;
	}

	private void insertRole(MemberId member, Role role) {
		jdbc.sql("""
				INSERT INTO membership_roles (membership_id, role)
				VALUES (:member, :role)
				""")
			.param("member", member.value())
			.param("role", role.name())
			.update();
	}

	private static Set<Role> roleSet(String role) {
		return role == null ? EnumSet.noneOf(Role.class) : EnumSet.of(Role.valueOf(role));
	}

	private static Set<Role> union(Set<Role> a, Set<Role> b) {
		var all = EnumSet.noneOf(Role.class);
		all.addAll(a);
		all.addAll(b);
		return all;
	}
}
