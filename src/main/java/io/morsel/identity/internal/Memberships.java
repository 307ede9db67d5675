package io.morsel.identity.internal;

import io.morsel.identity.MemberId;
import io.morsel.identity.OrganisationId;
import io.morsel.identity.PeopleSearch;
import io.morsel.identity.Role;
import io.morsel.identity.UserId;
import io.morsel.shared.Page;
import io.morsel.shared.PageRequest;
import io.morsel.shared.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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
			.query((rs, n) -> person(rs))
			.list();
		return merged(rows);
	}

	/**
	 * One page of the organisation's members who match the search, by name then email: one statement, which counts
	 * the matches in the same pass ({@code COUNT(*) OVER ()}), and a count of its own only for a page past the end.
	 * {@code among}, when given, narrows the members to these (a manager's people); an empty one finds nobody.
	 */
	public Page<Person> people(OrganisationId organisation, PeopleSearch search, @Nullable Collection<MemberId> among,
			PageRequest page) {
		if (among != null && among.isEmpty()) {
			return new Page<>(List.of(), 0, page);
		}
		var total = new long[] { -1 };
		var rows = matching(search, among, organisation, """
				SELECT m.id, u.id AS user_id, u.name, u.email, m.joined_at, m.deactivated_at, r.role, p.total
				FROM (
				    SELECT m.id, u.name, u.email, COUNT(*) OVER () AS total
				    FROM memberships m
				    JOIN users u ON u.id = m.user_id
				    WHERE %s
				    ORDER BY u.name, u.email, m.id
				    LIMIT :limit
				    OFFSET :offset
				) p
				JOIN memberships m ON m.id = p.id
				JOIN users u ON u.id = m.user_id
				LEFT JOIN membership_roles r ON r.membership_id = m.id
				ORDER BY p.name, p.email, p.id
				""")
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> {
				total[0] = rs.getLong("total");
				return person(rs);
			})
			.list();
		if (total[0] < 0) {
			total[0] = page.offset() == 0 ? 0 : count(organisation, search, among);
		}
		return new Page<>(merged(rows), total[0], page);
	}

	/** These members of the organisation, by name; anyone of another organisation is left out. */
	public List<Person> among(OrganisationId organisation, Collection<MemberId> among) {
		if (among.isEmpty()) {
			return List.of();
		}
		return merged(matching(PeopleSearch.EVERYONE, among, organisation, """
				SELECT m.id, u.id AS user_id, u.name, u.email, m.joined_at, m.deactivated_at, r.role
				FROM memberships m
				JOIN users u ON u.id = m.user_id
				LEFT JOIN membership_roles r ON r.membership_id = m.id
				WHERE %s
				ORDER BY u.name, u.email, m.id
				""")
			.query((rs, n) -> person(rs))
			.list());
	}

	/** Every member of the organisation who matches the search, by id: for acting on "all N matching" at once. */
	public List<MemberId> ids(OrganisationId organisation, PeopleSearch search, @Nullable Collection<MemberId> among) {
		if (among != null && among.isEmpty()) {
			return List.of();
		}
		return matching(search, among, organisation, """
				SELECT m.id
				FROM memberships m
				JOIN users u ON u.id = m.user_id
				WHERE %s
				ORDER BY u.name, u.email, m.id
				""")
			.query((rs, n) -> new MemberId(rs.getObject("id", UUID.class)))
			.list();
	}

	private long count(OrganisationId organisation, PeopleSearch search, @Nullable Collection<MemberId> among) {
		return matching(search, among, organisation, """
				SELECT COUNT(*)
				FROM memberships m
				JOIN users u ON u.id = m.user_id
				WHERE %s
				""")
			.query(Long.class)
			.single();
	}

	/**
	 * The statement with the search's conditions in place of its {@code %s}, and their parameters bound. A condition
	 * is written only when the search needs it, so that a plain list plans as a plain list. Names are folded in SQL as
	 * {@link PeopleSearch#folded} folds the text typed; emails are stored in lower case without accents to fold.
	 */
	private JdbcClient.StatementSpec matching(PeopleSearch search, @Nullable Collection<MemberId> among,
			OrganisationId organisation, String sql) {
		var where = new StringBuilder("m.organisation_id = :organisation");
		if (!search.text().isEmpty()) {
			where.append("""

					  AND (TRANSLATE(LOWER(u.name), '%s', '%s') LIKE :pattern ESCAPE '!'
					       OR u.email LIKE :pattern ESCAPE '!')"""
				.formatted(PeopleSearch.FOLDED_FROM, PeopleSearch.FOLDED_TO));
		}
		if (search.role() != null) {
			where.append("""

					  AND EXISTS (SELECT 1 FROM membership_roles sr WHERE sr.membership_id = m.id AND sr.role = :role)""");
		}
		if (among != null) {
			where.append("\n  AND m.id IN (:among)");
		}
		var statement = jdbc.sql(sql.formatted(where)).param("organisation", organisation.value());
		if (!search.text().isEmpty()) {
			var escaped = search.folded().replace("!", "!!").replace("%", "!%").replace("_", "!_");
			statement = statement.param("pattern", "%" + escaped + "%");
		}
		if (search.role() != null) {
			statement = statement.param("role", search.role().name());
		}
		if (among != null) {
			statement = statement.param("among", among.stream().map(MemberId::value).toList());
		}
		return statement;
	}

	private static Person person(ResultSet rs) throws SQLException {
		return new Person(new MemberId(rs.getObject("id", UUID.class)), new UserId(rs.getObject("user_id", UUID.class)),
				rs.getString("name"), rs.getString("email"), roleSet(rs.getString("role")),
				Timestamps.read(rs, "joined_at"), Timestamps.read(rs, "deactivated_at"));
	}

	/** Rows of one person per role, made one person with every role, in the rows' order. */
	private static List<Person> merged(List<Person> rows) {
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
