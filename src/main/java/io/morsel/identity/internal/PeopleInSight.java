package io.morsel.identity.internal;

import io.morsel.identity.CurrentMember;
import io.morsel.identity.MemberId;
import io.morsel.identity.Role;
import io.morsel.identity.internal.Memberships.Person;
import io.morsel.shared.NotFoundException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who sees whom in the organisation's directory, and how much. Admins see everyone with their email. Managers see
 * the members of the groups they manage with their email, and reaching anyone else is like reaching no one (not
 * found). Everyone else sees no directory (its list is refused, anyone in it not found), unless the organisation opened
 * its members' names: then names only, never emails. Everyone sees themselves. A partner (a member of an external
 * group, not an admin) sees, of what these rules give their role, only the people of their own external groups.
 */
@Service
public class PeopleInSight {

	/** A person as the viewer may see them: everything, or only their name. */
	public record Sighting(Person person, boolean full) {
	}

	private final Memberships memberships;
	private final Organisations organisations;
	private final JdbcClient jdbc;
	private final Partnerships partnerships;

	PeopleInSight(Memberships memberships, Organisations organisations, JdbcClient jdbc, Partnerships partnerships) {
		this.partnerships = partnerships;
		this.memberships = memberships;
		this.organisations = organisations;
		this.jdbc = jdbc;
	}

	/** The people the viewer may see, by name; refused when the viewer may see no directory at all. */
	@Transactional(readOnly = true)
	public List<Sighting> people(CurrentMember viewer) {
		var everyone = memberships.people(viewer.organisationId());
		if (viewer.has(Role.ADMIN)) {
			return everyone.stream().map(p -> new Sighting(p, true)).toList();
		}
		var managed = managedBy(viewer);
		var namesOpen = organisations.directoryNamesOpen(viewer.organisationId());
		if (!namesOpen && !viewer.has(Role.MANAGER)) {
			throw new AccessDeniedException("This organisation shows its directory to admins and managers only");
		}
		var circle = partnerships.circle(viewer.organisationId(), viewer.memberId(), viewer.roles());
		return everyone.stream()
			.filter(p -> namesOpen || managed.contains(p.id()))
			.filter(p -> circle.isEmpty() || circle.get().contains(p.id()))
			.map(p -> new Sighting(p, managed.contains(p.id())))
			.toList();
	}

	/**
	 * One person, as the viewer may see them. Someone outside what the viewer sees is not found, as a missing person
	 * is, so that no one learns who is a member by asking.
	 */
	@Transactional(readOnly = true)
	public Sighting person(CurrentMember viewer, MemberId member) {
		var person = memberships.person(viewer.organisationId(), member);
		if (viewer.has(Role.ADMIN)) {
			return person.map(p -> new Sighting(p, true)).orElseThrow(() -> new NotFoundException("not-found.person"));
		}
		var managed = managedBy(viewer);
		var namesOpen = organisations.directoryNamesOpen(viewer.organisationId());
		var circle = partnerships.circle(viewer.organisationId(), viewer.memberId(), viewer.roles());
		return person.filter(p -> namesOpen || managed.contains(p.id()))
			.filter(p -> circle.isEmpty() || circle.get().contains(p.id()))
			.map(p -> new Sighting(p, managed.contains(p.id())))
			.orElseThrow(() -> new NotFoundException("not-found.person"));
	}

	/**
	 * The members of the groups the viewer manages, and the viewer; for a partner who manages (ADR 0042), only those of
	 * them who are in the partner's own external groups, whatever else they manage.
	 */
	public Set<MemberId> managedBy(CurrentMember viewer) {
		var managed = new HashSet<MemberId>();
		managed.add(viewer.memberId());
		if (!viewer.has(Role.MANAGER)) {
			return managed;
		}
		jdbc.sql("""
				SELECT DISTINCT gm.membership_id
				FROM member_group_managers mg
				JOIN member_groups g ON g.id = mg.group_id
				JOIN member_group_members gm ON gm.group_id = mg.group_id
				WHERE mg.membership_id = :manager
				  AND g.organisation_id = :organisation
				""")
			.param("manager", viewer.memberId().value())
			.param("organisation", viewer.organisationId().value())
			.query(UUID.class)
			.list()
			.forEach(id -> managed.add(new MemberId(id)));
		partnerships.circle(viewer.organisationId(), viewer.memberId(), viewer.roles()).ifPresent(managed::retainAll);
		return managed;
	}
}
