package io.morsel.identity;

import static io.morsel.support.Csrf.csrf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Arrays;
import java.util.UUID;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Puts members in the care of a manager, as an admin does on the admin page: a new group of them, which the manager
 * manages. Managers see and assign only the people of the groups they manage.
 */
public final class Teams {

	private Teams() {
	}

	/** A new group of these members, managed by the manager; its id. */
	public static GroupId lookAfter(MockMvc mvc, Directory directory, CurrentMember admin, CurrentMember manager,
			CurrentMember... members) throws Exception {
		var name = "Team " + UUID.randomUUID().toString().substring(0, 8);
		mvc.perform(post("/admin/groups").param("name", name).with(SignedIn.as(admin)).with(csrf()));
		var group = directory.groups(admin.organisationId())
			.stream()
			.filter(g -> g.name().equals(name))
			.findFirst()
			.orElseThrow()
			.id();
		var ids = Arrays.stream(members).map(m -> m.memberId().value().toString()).toArray(String[]::new);
		mvc.perform(post("/admin/groups/" + group.value() + "/members").param("members", ids)
			.with(SignedIn.as(admin))
			.with(csrf()));
		mvc.perform(post("/admin/groups/" + group.value() + "/managers")
			.param("managers", manager.memberId().value().toString())
			.with(SignedIn.as(admin))
			.with(csrf()));
		assertThat(directory.looksAfter(manager).test(members[0].memberId())).as("the manager looks after them").isTrue();
		return group;
	}
}
