package io.morsel.learning;

import static io.morsel.support.Csrf.csrf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.morsel.MorselIntegrationTest;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.identity.SignedIn;
import io.morsel.support.People;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Team leaderboards are off until an administrator turns them on, and then show only the learners who joined, to the
 * members of their own groups who joined too, for the last seven days. Each test has an organisation of its own.
 */
@MorselIntegrationTest
class LeaderboardTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	JdbcClient jdbc;

	String slug;

	CurrentMember admin;

	CurrentMember ana;

	CurrentMember ben;

	CurrentMember cy;

	CurrentMember dee;

	@BeforeEach
	void anOrganisationWithTwoGroups() {
		slug = "board-" + UUID.randomUUID().toString().substring(0, 8);
		var organisation = UUID.randomUUID();
		jdbc.sql("INSERT INTO organisations (id, slug, name, created_at) VALUES (:id, :slug, :name, :now)")
			.param("id", organisation).param("slug", slug).param("name", "Boards " + slug)
			.param("now", Timestamp.from(Instant.now())).update();
		admin = People.member(jdbc, directory, slug, "UTC", "Ada Admin", "ADMIN");
		ana = People.learner(jdbc, directory, slug, "UTC", "Ana Alves");
		ben = People.learner(jdbc, directory, slug, "UTC", "Ben Brook");
		cy = People.learner(jdbc, directory, slug, "UTC", "Cy Cole");
		dee = People.learner(jdbc, directory, slug, "UTC", "Dee Dunn");
		group(organisation, "Sales", ana, ben, cy);
		group(organisation, "Operations", dee);
	}

	@Test
	void thereIsNoLeaderboardUntilAnAdministratorTurnsItOn() throws Exception {
		assertThat(page(ana).getStatus()).isEqualTo(404);
		assertThat(join(ana).getStatus()).isEqualTo(404);
		assertThat(goalPage(ana)).doesNotContain("/today/team");

		assertThat(mvc.perform(post("/team/leaderboards").param("enabled", "true").with(SignedIn.as(ana))
			.with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(mvc.perform(get("/team/leaderboards").with(SignedIn.as(ana))).andReturn().getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(page(ana).getStatus()).isEqualTo(404);

		turn(true);

		assertThat(page(ana).getStatus()).isEqualTo(200);
		assertThat(goalPage(ana)).contains("href=\"/today/team\"");
		assertThat(mvc.perform(get("/team").with(SignedIn.as(admin))).andReturn().getResponse()
			.getContentAsString()).contains("href=\"/team/leaderboards\"");
	}

	@Test
	void aLearnerSeesNobodyUntilTheyJoinAndThenOnlyTheirGroupsMembersWhoJoined() throws Exception {
		turn(true);
		var today = LocalDate.now(ZoneOffset.UTC);
		learned(ana, today, 10 * 60, 1);
		learned(ana, today.minusDays(7), 500 * 60, 9); // before the last seven days: not counted
		learned(ben, today.minusDays(2), 25 * 60, 2);
		learned(ben, today, 5 * 60, 1);
		learned(cy, today, 90 * 60, 4);
		learned(dee, today, 60 * 60, 3);
		join(ben);
		join(dee);

		var before = page(ana).getContentAsString();
		assertThat(before).contains("Join my team&#39;s leaderboard").doesNotContain("Ben Brook", "Dee Dunn",
				"Cy Cole");

		assertThat(join(ana).getRedirectedUrl()).isEqualTo("/today/team");
		var board = page(ana).getContentAsString();

		assertThat(board).contains("Sales").doesNotContain("Operations", "Dee Dunn", "Cy Cole");
		// Ben's 30 minutes of the week rank above Ana's 10; her 500 of eight days ago do not count.
		assertThat(rows(board)).containsExactly("1 Ben Brook 30 3", "2 Ana Alves (you) 10 1");
	}

	@Test
	void leavingTakesALearnerOffAtOnceAndDeactivatedMembersAreNotShown() throws Exception {
		turn(true);
		join(ana);
		join(ben);
		join(cy);
		assertThat(rows(page(ana).getContentAsString())).hasSize(3);

		var left = mvc.perform(post("/today/team/membership/removal").with(SignedIn.as(ben)).with(csrf()))
			.andReturn().getResponse();
		assertThat(left.getRedirectedUrl()).isEqualTo("/today/team");
		jdbc.sql("UPDATE memberships SET deactivated_at = :now WHERE id = :id")
			.param("now", Timestamp.from(Instant.now())).param("id", cy.memberId().value()).update();

		assertThat(rows(page(ana).getContentAsString())).containsExactly("1 Ana Alves (you) 0 0");
		assertThat(page(ben).getContentAsString()).contains("Join my team&#39;s leaderboard")
			.doesNotContain("Ana Alves");

		turn(false);

		assertThat(page(ana).getStatus()).isEqualTo(404);
	}

	@Test
	void aJoinedLearnerOfNoGroupIsToldWhyTheBoardIsEmpty() throws Exception {
		turn(true);
		var loner = People.learner(jdbc, directory, slug, "UTC", "Lou Lone");
		join(loner);

		assertThat(page(loner).getContentAsString()).contains("You are in no group yet");
	}

	private void turn(boolean on) throws Exception {
		var response = mvc.perform(post("/team/leaderboards").param("enabled", Boolean.toString(on))
			.with(SignedIn.as(admin)).with(csrf())).andReturn().getResponse();
		assertThat(response.getRedirectedUrl()).isEqualTo("/team/leaderboards");
	}

	private MockHttpServletResponse page(CurrentMember member) throws Exception {
		return mvc.perform(get("/today/team").with(SignedIn.as(member))).andReturn().getResponse();
	}

	private MockHttpServletResponse join(CurrentMember member) throws Exception {
		return mvc.perform(post("/today/team/membership").with(SignedIn.as(member)).with(csrf())).andReturn()
			.getResponse();
	}

	private String goalPage(CurrentMember member) throws Exception {
		return mvc.perform(get("/today/goal").with(SignedIn.as(member))).andReturn().getResponse()
			.getContentAsString();
	}

	/** Each row of the boards as its cells' text: rank, name, minutes, lessons. */
	private static java.util.List<String> rows(String page) {
		return java.util.regex.Pattern.compile("(?s)<tbody>(.*?)</tbody>").matcher(page).results()
			.flatMap(body -> java.util.regex.Pattern.compile("(?s)<tr[^>]*>(.*?)</tr>").matcher(body.group(1))
				.results())
			.map(row -> row.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip())
			.toList();
	}

	private void group(UUID organisation, String name, CurrentMember... members) {
		var group = UUID.randomUUID();
		jdbc.sql("INSERT INTO member_groups (id, organisation_id, name, created_at) VALUES (:id, :org, :name, :now)")
			.param("id", group).param("org", organisation).param("name", name)
			.param("now", Timestamp.from(Instant.now())).update();
		for (var member : members) {
			jdbc.sql("INSERT INTO member_group_members (group_id, membership_id) VALUES (:group, :member)")
				.param("group", group).param("member", member.memberId().value()).update();
		}
	}

	private void learned(CurrentMember member, LocalDate day, long seconds, int lessons) {
		jdbc.sql("""
				INSERT INTO learner_days (organisation_id, user_id, learned_on, seconds, lessons, mastered)
				VALUES (:org, :user, :day, :seconds, :lessons, 0)
				""").param("org", member.organisationId().value()).param("user", member.userId().value())
			.param("day", day).param("seconds", seconds).param("lessons", lessons).update();
	}
}
