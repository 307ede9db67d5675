package io.morsel.identity.internal;

import io.morsel.identity.Group;
import io.morsel.identity.GroupId;
import io.morsel.identity.MemberId;
import io.morsel.identity.OrganisationId;
import io.morsel.shared.ConflictException;
import io.morsel.shared.NotFoundException;
import io.morsel.shared.Timestamps;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An organisation's groups of members. Admins keep them; managers assign programs to them. */
@Service
public class Groups {

	private final JdbcClient jdbc;
	private final Clock clock;
	private final Organisations organisations;
	/** Told of every change to who is a partner, so that every node forgets what it keeps of the people concerned. */
	private final AccessRevocations revocations;

	Groups(JdbcClient jdbc, Clock clock, Organisations organisations, AccessRevocations revocations) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.organisations = organisations;
		this.revocations = revocations;
	}

	@Transactional
	public Group create(OrganisationId organisation, String name) {
		return create(organisation, name, false);
	}

	/** @param external whether its members are partners (see {@link Group#external()}) */
	@Transactional
	public Group create(OrganisationId organisation, String name, boolean external) {
		var id = GroupId.random();
		try {
			jdbc.sql("""
					INSERT INTO member_groups (id, organisation_id, name, is_external, created_at)
					VALUES (:id, :organisation, :name, :external, :now)
					""")
				.param("id", id.value())
				.param("organisation", organisation.value())
				.param("name", name.strip())
				.param("external", external)
				.param("now", Timestamps.of(clock.instant()))
				.update();
		}
		catch (DuplicateKeyException e) {
			throw new ConflictException("identity.refused.there-already-group-named", name.strip());
		}
		return new Group(id, name.strip(), List.of(), external);
	}

	/**
	 * Marks the group external (its members become partners, who see only their own groups' people and the programs
	 * assigned or open to them) or internal again. Takes effect on their next request.
	 * @throws NotFoundException when the organisation has no such group
	 */
	@Transactional
	public Group markExternal(OrganisationId organisation, GroupId group, boolean external) {
		var changed = jdbc.sql("""
				UPDATE member_groups
				SET is_external = :external
				WHERE id = :id
				  AND organisation_id = :organisation
				""")
			.param("external", external)
			.param("id", group.value())
			.param("organisation", organisation.value())
			.update();
		if (changed == 0) {
			throw new NotFoundException("not-found.group");
		}
		var marked = all(organisation, group).getFirst();
		revocations.recordMembers(organisation, marked.members());
		return marked;
	}

	/**
	 * Sets whether partners also see the programs open to everyone (besides those assigned to them); the members of
	 * every external group see the change on their next request.
	 */
	@Transactional
	public void setPartnersSeeOpenPrograms(OrganisationId organisation, boolean see) {
		organisations.setPartnersSeeOpenPrograms(organisation, see);
		revocations.recordMembers(organisation, of(organisation).stream()
			.filter(Group::external)
			.flatMap(g -> g.members().stream())
			.collect(java.util.stream.Collectors.toSet()));
	}

	/** One of the organisation's groups, with its members. */
	@Transactional(readOnly = true)
	public java.util.Optional<Group> find(OrganisationId organisation, GroupId group) {
		return all(organisation, group).stream().findFirst();
	}

	/** Sets who is in the group; members of other organisations are refused. */
	@Transactional
	public void setMembers(OrganisationId organisation, GroupId group, Set<MemberId> members) {
		var before = find(organisation, group);
		replace("member_group_members", organisation, group, members);
		// Joining or leaving an external group changes what a person sees.
		if (before.isPresent() && before.get().external()) {
			var changed = new HashSet<>(before.get().members());
			changed.addAll(members);
			revocations.recordMembers(organisation, changed);
		}
	}

	@Transactional(readOnly = true)
	public List<Group> of(OrganisationId organisation) {
		return all(organisation, null);
	}

	private List<Group> all(OrganisationId organisation, @Nullable GroupId only) {
		record Row(UUID id, String name, @Nullable UUID member, boolean external) {
		}
		var rows = jdbc.sql("""
				SELECT g.id, g.name, gm.membership_id, g.is_external
				FROM member_groups g
				LEFT JOIN member_group_members gm ON gm.group_id = g.id
				WHERE g.organisation_id = :organisation
				  AND (CAST(:only AS uuid) IS NULL OR g.id = CAST(:only AS uuid))
				ORDER BY g.name
				""")
			.param("organisation", organisation.value())
			.param("only", only == null ? null : only.value())
			.query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
					rs.getBoolean(4)))
			.list();
		var groups = new LinkedHashMap<UUID, List<Row>>();
		rows.forEach(r -> groups.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r));
		return groups.values().stream().map(g -> new Group(new GroupId(g.getFirst().id()), g.getFirst().name(),
				g.stream().filter(r -> r.member() != null).map(r -> new MemberId(r.member())).toList(),
				g.getFirst().external())).toList();
	}

	/** Sets who manages the group (they see its members in the directory); other organisations' members are refused. */
	@Transactional
	public void setManagers(OrganisationId organisation, GroupId group, Set<MemberId> managers) {
		replace("member_group_managers", organisation, group, managers);
	}

	/**
	 * Replaces the group's rows of a table of memberships ({@code member_group_members} or {@code
	 * member_group_managers}) by these; a missing group, or a member of another organisation, is refused.
	 */
	private void replace(String table, OrganisationId organisation, GroupId group, Set<MemberId> members) {
		if (all(organisation, group).isEmpty()) {
			throw new NotFoundException("not-found.group");
		}
		requireMembers(organisation, members);
		jdbc.sql("DELETE FROM " + table + " WHERE group_id = :group").param("group", group.value()).update();
		for (var member : members) {
			jdbc.sql("INSERT INTO " + table + " (group_id, membership_id) VALUES (:group, :member)")
				.param("group", group.value())
				.param("member", member.value())
				.update();
		}
	}

	/** Who manages each of the organisation's groups. */
	@Transactional(readOnly = true)
	public Map<GroupId, Set<MemberId>> managers(OrganisationId organisation) {
		var managers = new HashMap<GroupId, Set<MemberId>>();
		jdbc.sql("""
				SELECT mg.group_id, mg.membership_id
				FROM member_group_managers mg
				JOIN member_groups g ON g.id = mg.group_id
				WHERE g.organisation_id = :organisation
				""")
			.param("organisation", organisation.value())
			.query((rs, n) -> managers.computeIfAbsent(new GroupId(rs.getObject(1, UUID.class)), k -> new HashSet<>())
				.add(new MemberId(rs.getObject(2, UUID.class))))
			.list();
		return managers;
	}

	private void requireMembers(OrganisationId organisation, Set<MemberId> members) {
		if (members.isEmpty()) {
			return;
		}
		var ours = jdbc.sql("""
				SELECT COUNT(*)
				FROM memberships
				WHERE organisation_id = :organisation
				  AND id IN (:ids)
				""")
			.param("organisation", organisation.value())
			.param("ids", members.stream().map(MemberId::value).toList())
			.query(Long.class)
			.single();
		if (ours != members.size()) {
			throw new NotFoundException("not-found.person");
		}
	}
}
