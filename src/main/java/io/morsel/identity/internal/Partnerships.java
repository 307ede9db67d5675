package io.morsel.identity.internal;

import io.morsel.identity.MemberId;
import io.morsel.identity.OrganisationId;
import io.morsel.identity.ProgramReach;
import io.morsel.identity.Role;
import io.morsel.identity.UserId;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import com.github.benmanes.caffeine.cache.Cache;
import io.morsel.shared.Caches;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who is a partner: a member of one of the organisation's external groups who is not an admin (admins run the
 * organisation, whatever group they are in). Each member's reach is kept on each node like the member itself
 * ({@code morsel.caches.program-reach}, for the session recheck interval), because every learner page asks it: whatever
 * changes it (a group marked external or internal, an external group's members, the organisation's open-programs
 * setting; {@link Groups}) records an access revocation for the people concerned ({@link AccessRevocations}), which
 * makes every node forget their reach within the revocation check, and the node that made the change at once. A change
 * of a member's roles (an admin is never a partner) reaches other nodes as the roles themselves do, within the session
 * recheck interval (ADR 0004).
 */
@Service
public class Partnerships {

	private record Key(OrganisationId organisation, UserId user) {
	}

	private final JdbcClient jdbc;
	private final Cache<Key, ProgramReach> reaches;

	Partnerships(JdbcClient jdbc, Caches caches) {
		this.jdbc = jdbc;
		this.reaches = caches.named("program-reach");
	}

	/** How much of the programs the member who is this user sees; {@link ProgramReach#ALL} for a non-member. */
	public ProgramReach reach(OrganisationId organisation, UserId user) {
		return reaches.get(new Key(organisation, user), key -> read(organisation, user));
	}

	/** Forgets the person's reach on this node: something that decides it changed. */
	void forget(UserId user, OrganisationId organisation) {
		reaches.invalidate(new Key(organisation, user));
	}

	/** The member's reach as the database has it now; one query. */
	private ProgramReach read(OrganisationId organisation, UserId user) {
		record Row(boolean partner, boolean seesOpen) {
		}
		var row = jdbc.sql("""
				SELECT EXISTS (SELECT 1
				               FROM member_group_members gm
				               JOIN member_groups g ON g.id = gm.group_id
				               WHERE gm.membership_id = m.id
				                 AND g.is_external)
				       AND NOT EXISTS (SELECT 1
				                       FROM membership_roles r
				                       WHERE r.membership_id = m.id
				                         AND r.role = :admin),
				       o.partners_see_open_programs
				FROM memberships m
				JOIN organisations o ON o.id = m.organisation_id
				WHERE m.organisation_id = :organisation
				  AND m.user_id = :user
				""")
			.param("admin", Role.ADMIN.name())
			.param("organisation", organisation.value())
			.param("user", user.value())
			.query((rs, n) -> new Row(rs.getBoolean(1), rs.getBoolean(2)))
			.optional();
		if (row.isEmpty() || !row.get().partner()) {
			return ProgramReach.ALL;
		}
		return row.get().seesOpen() ? ProgramReach.ASSIGNED_AND_OPEN : ProgramReach.ASSIGNED;
	}

	/**
	 * The people a partner may see at most: the members of their external groups, themselves included; empty for
	 * someone who is not a partner (or is an admin), whose sight the directory's other rules decide alone.
	 */
	public Optional<Set<MemberId>> circle(OrganisationId organisation, MemberId member, Set<Role> roles) {
		if (roles.contains(Role.ADMIN)) {
			return Optional.empty();
		}
		var mates = jdbc.sql("""
				SELECT DISTINCT mates.membership_id
				FROM member_group_members mine
				JOIN member_groups g ON g.id = mine.group_id
				JOIN member_group_members mates ON mates.group_id = mine.group_id
				WHERE mine.membership_id = :member
				  AND g.organisation_id = :organisation
				  AND g.is_external
				""")
			.param("member", member.value())
			.param("organisation", organisation.value())
			.query(UUID.class)
			.list();
		if (mates.isEmpty()) {
			return Optional.empty();
		}
		var circle = new HashSet<MemberId>();
		mates.forEach(id -> circle.add(new MemberId(id)));
		circle.add(member);
		return Optional.of(circle);
	}
}
