package io.morsel.identity;

import static io.morsel.support.Csrf.csrf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.morsel.MorselIntegrationTest;
import io.morsel.identity.internal.Organisations;
import io.morsel.support.People;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The admin page lists the organisation's members a page at a time, by name, found by part of a name or an email
 * (whatever its case and accents) and by role; no other organisation's member ever shows. The tests share an
 * organisation of their own: 121 learners and its admin.
 */
@MorselIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemberListTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Directory directory;

	@Autowired
	Organisations organisations;

	String slug;
	CurrentMember admin;
	List<CurrentMember> members = new ArrayList<>();

	@BeforeAll
	void anOrganisationOf122() {
		slug = "list-" + UUID.randomUUID().toString().substring(0, 8);
		organisations.create(slug, "List " + slug, Instant.now());
		admin = People.member(jdbc, directory, slug, "UTC", "Zed Admin", "ADMIN");
		IntStream.rangeClosed(1, 120)
			.forEach(n -> members.add(People.learner(jdbc, directory, slug, "UTC", "Member %03d".formatted(n))));
		People.learner(jdbc, directory, slug, "UTC", "Zoë Ångström");
	}

	@Test
	void thePageAfterTheFirstHoldsTheNextMembersByName() throws Exception {
		var first = page(get("/admin"));
		var second = page(get("/admin").param("page", "2"));

		assertThat(first).contains("Member 001", "Member 050", "Showing 1–50 of 122").doesNotContain("Member 051");
		assertThat(second).contains("Member 051", "Member 100", "Showing 51–100 of 122")
			.doesNotContain("Member 050", "Member 101")
			.contains("aria-current=\"page\"", "href=\"/admin?page=3\"", "href=\"/admin?page=1\"");
	}

	@Test
	void findsMembersByPartOfANameOrAnEmailWhateverTheCaseAndAccents() throws Exception {
		var byName = page(get("/admin").param("q", "ZOE ANGST"));
		var email = directory.people(admin.organisationId()).stream()
			.filter(p -> p.id().equals(members.get(6).memberId())).findFirst().orElseThrow().email();
		var byEmail = page(get("/admin").param("q", email.substring(email.indexOf('-') + 1, email.indexOf('@'))));

		assertThat(byName).contains("Zoë Ångström", "Showing 1–1 of 1").doesNotContain("Member 001");
		assertThat(byEmail).contains("Member 007", "Showing 1–1 of 1");
	}

	@Test
	void findsMembersByRoleAcrossPages() throws Exception {
		var admins = page(get("/admin").param("role", "ADMIN"));

		assertThat(admins).contains("Zed Admin", "Showing 1–1 of 1").doesNotContain("Member 001");
	}

	@Test
	void anotherOrganisationsMembersNeverAppear() throws Exception {
		var stranger = "Stranger " + UUID.randomUUID().toString().substring(0, 8);
		People.learner(jdbc, directory, "acme", "UTC", stranger);

		var found = page(get("/admin").param("q", stranger));
		var everyone = IntStream.rangeClosed(1, 3).mapToObj(n -> {
			try {
				return page(get("/admin").param("page", Integer.toString(n)));
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		}).reduce("", String::concat);

		assertThat(found).contains("Nobody matches.").doesNotContain(">" + stranger + "<");
		assertThat(everyone).contains("Zoë Ångström").doesNotContain(stranger, "learner@acme.test");
	}

	@Test
	void aPagePastTheEndShowsTheLastPage() throws Exception {
		assertThat(page(get("/admin").param("page", "99"))).contains("Showing 101–122 of 122", "Zed Admin");
		assertThat(page(get("/admin").param("size", "100000"))).contains("Showing 1–122 of 122");
	}

	@Test
	void refusesPageNumbersThatAreNotCountingNumbers() throws Exception {
		for (var bad : List.of("-1", "0", "two", "99999999999")) {
			var refused = mvc.perform(get("/admin").param("page", bad).with(SignedIn.as(admin))).andReturn();

			assertThat(refused.getResponse().getStatus()).as(bad).isEqualTo(400);
			assertThat(refused.getResolvedException()).as(bad).hasMessageContaining("The page of a list");
		}
		assertThat(mvc.perform(get("/admin").param("size", "0").with(SignedIn.as(admin))).andReturn().getResponse()
			.getStatus()).isEqualTo(400);
	}

	@Test
	void savingAGroupFromOnePageKeepsTheMembersOfOtherPages() throws Exception {
		var group = Teams.lookAfter(mvc, directory, admin, admin, members.getFirst(), members.getLast());
		var shown = members.subList(0, 50).stream().map(m -> m.memberId().value().toString()).toArray(String[]::new);

		mvc.perform(post("/admin/groups/" + group.value() + "/members").param("shown", shown)
			.param("members", members.get(1).memberId().value().toString())
			.with(SignedIn.as(admin))
			.with(csrf()));

		var kept = directory.groups(admin.organisationId()).stream().filter(g -> g.id().equals(group)).findFirst()
			.orElseThrow().members();
		assertThat(kept).containsExactlyInAnyOrder(members.get(1).memberId(), members.getLast().memberId());
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		var response = mvc.perform(request.with(SignedIn.as(admin))).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString();
	}
}
