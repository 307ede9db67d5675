package io.morsel.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The groups a member belongs to, each with its active members: whom a member shares a team with, for what a team sees
 * of itself (the leaderboards). Deactivated members are left out; a member of no group has no teammates.
 */
@Service
public class Teammates {

	private final JdbcClient sql;

	Teammates(JdbcClient sql) {
		this.sql = sql;
	}

	/** The member's groups by name, each with its active members by name; one query. */
	@Transactional(readOnly = true)
	public List<Team> of(CurrentMember member) {
		var names = new LinkedHashMap<GroupId, String>();
		var members = new LinkedHashMap<GroupId, List<Teammate>>();
		sql.sql("""
				SELECT g.id, g.name, m.id, m.user_id, u.name
				FROM member_group_members mine
				JOIN member_groups g ON g.id = mine.group_id
				JOIN member_group_members gm ON gm.group_id = g.id
				JOIN memberships m ON m.id = gm.membership_id
				JOIN users u ON u.id = m.user_id
				WHERE mine.membership_id = :member
				  AND g.organisation_id = :organisation
				  AND m.deactivated_at IS NULL
				ORDER BY g.name, g.id, u.name, m.id
				""")
			.param("member", member.memberId().value())
			.param("organisation", member.organisationId().value())
			.query(rs -> {
				var group = new GroupId(rs.getObject(1, UUID.class));
				names.put(group, rs.getString(2));
				members.computeIfAbsent(group, id -> new ArrayList<>())
					.add(new Teammate(new MemberId(rs.getObject(3, UUID.class)),
							new UserId(rs.getObject(4, UUID.class)), rs.getString(5)));
			});
		return names.entrySet()
			.stream()
			.map(group -> new Team(group.getKey(), group.getValue(), members.get(group.getKey())))
			.toList();
	}

	/** A group the member belongs to, with its active members. */
	public record Team(GroupId id, String name, List<Teammate> members) {

		public Team {
			members = List.copyOf(members);
		}
	}

	/** An active member of one of the member's groups. */
	public record Teammate(MemberId id, UserId userId, String name) {
	}
}
