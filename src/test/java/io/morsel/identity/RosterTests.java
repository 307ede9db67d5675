package io.morsel.identity;

import static io.morsel.support.Csrf.csrf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.morsel.MorselIntegrationTest;
import io.morsel.identity.internal.Invitations;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Admins add people from a CSV file: a preview reports each row's problems and saves nothing; the confirmation invites
 * the rows without problems, who join their groups when they accept.
 */
@MorselIntegrationTest
class RosterTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	Invitations invitations;

	CurrentMember admin;
	String group;
	String newcomer;
	String csv;

	@BeforeEach
	void setUp() throws Exception {
		admin = directory.member("admin@globex.test", "globex").orElseThrow();
		group = "Roster " + UUID.randomUUID().toString().substring(0, 8);
		mvc.perform(post("/admin/groups").param("name", group).with(SignedIn.as(admin)).with(csrf()));
		newcomer = Newcomers.email("roster", "globex.test");
		csv = """
				email,name,groups,roles
				%s,"Nadia Newcomer, PhD",%s,manager;learner
				not-an-email,Bad Email,,
				%s,Twice Listed,,
				learner@globex.test,Already Here,,
				%s,Wrong Group,No Such Group,
				%s,Wrong Role,,pilot
				""".formatted(newcomer, group, newcomer.toUpperCase(), Newcomers.email("group", "globex.test"),
				Newcomers.email("role", "globex.test"));
	}

	@Test
	void thePreviewReportsEachRowsProblemsAndSavesNothing() throws Exception {
		var page = upload(csv.getBytes(StandardCharsets.UTF_8));

		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("1 will be invited, 5 skipped", "Will be invited",
				"&#39;not-an-email&#39; is not an email address.", newcomer + " appears on an earlier line.",
				"learner@globex.test is already a member.", "There is no group &#39;No Such Group&#39;.",
				"&#39;pilot&#39; is not a role");
		assertThat(invitations.pending(admin.organisationId())).noneMatch(p -> p.email().equals(newcomer));
		assertThat(Mailbox.of(newcomer).messages()).isEmpty();
	}

	@Test
	void confirmingInvitesTheGoodRowsWhoJoinTheirGroupOnAccepting() throws Exception {
		var done = mvc.perform(post("/admin/people/import").param("csv", csv).with(SignedIn.as(admin)).with(csrf()))
			.andReturn().getResponse();

		assertThat(done.getContentAsString()).contains("1 invited, 5 skipped");
		var invited = invitations.pending(admin.organisationId()).stream()
			.filter(p -> p.email().equals(newcomer)).toList();
		assertThat(invited).singleElement()
			.satisfies(p -> assertThat(p.roles()).containsExactlyInAnyOrder(Role.MANAGER, Role.LEARNER));
		assertThat(invitations.pending(admin.organisationId())).noneMatch(p -> p.email().startsWith("group-")
				|| p.email().startsWith("role-") || p.email().equals("not-an-email"));

		var link = Mailbox.of(newcomer).link("/invitations/");
		assertThat(mvc.perform(get(link)).andReturn().getResponse().getContentAsString())
			.as("the name from the file is offered").contains("value=\"Nadia Newcomer, PhD\"");
		var accepted = mvc.perform(post(link).param("name", "Nadia Newcomer").param("password", Newcomers.PASSWORD)
			.param("confirmation", Newcomers.PASSWORD).param("timeZone", "UTC").with(csrf())).andReturn();
		assertThat(accepted.getResponse().getRedirectedUrl()).isEqualTo("/");
		var member = directory.member(newcomer, "globex").orElseThrow();
		assertThat(directory.groups(admin.organisationId()))
			.filteredOn(g -> g.name().equals(group))
			.singleElement()
			.satisfies(g -> assertThat(g.members()).contains(member.memberId()));
	}

	@Test
	void aFileThatIsNotUsableIsRefusedWithTheReason() throws Exception {
		var noEmail = upload("name,roles\nAda,learner\n".getBytes(StandardCharsets.UTF_8));
		assertThat(noEmail.getStatus()).isEqualTo(400);
		assertThat(noEmail.getContentAsString()).contains("email is required");

		var latin1 = upload("email,name\nzoe@globex.test,Zo\u00eb\n".getBytes(StandardCharsets.ISO_8859_1));
		assertThat(latin1.getStatus()).isEqualTo(400);
		assertThat(latin1.getContentAsString()).contains("not UTF-8");

		var unclosed = upload("email\n\"a@globex.test\n".getBytes(StandardCharsets.UTF_8));
		assertThat(unclosed.getStatus()).isEqualTo(400);
		assertThat(unclosed.getContentAsString()).contains("never closed");
	}

	@Test
	void onlyAdminsAddPeople() throws Exception {
		var manager = directory.member("manager@globex.test", "globex").orElseThrow();
		assertThat(mvc.perform(get("/admin/people/import").with(SignedIn.as(manager))).andReturn().getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(mvc.perform(post("/admin/people/import").param("csv", csv).with(SignedIn.as(manager))
			.with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(invitations.pending(admin.organisationId())).noneMatch(p -> p.email().equals(newcomer));
	}

	private MockHttpServletResponse upload(byte[] content) throws Exception {
		return mvc.perform(multipart("/admin/people/import/preview")
			.file(new MockMultipartFile("file", "people.csv", "text/csv", content))
			.with(SignedIn.as(admin))
			.with(csrf())).andReturn().getResponse();
	}
}
