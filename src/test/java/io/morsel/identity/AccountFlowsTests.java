package io.morsel.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.morsel.MorselIntegrationTest;
import io.morsel.TestInfrastructure;
import io.morsel.identity.security.MemberAuthentication;
import io.morsel.support.Api;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Accounts as people use them: sign-in and sign-out, throttling, password reset by a mailed link, invitations by
 * admins, profiles, roles. Mail goes to a real SMTP server (GreenMail).
 */
@MorselIntegrationTest
class AccountFlowsTests {

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	JdbcClient jdbc;

	@Test
	void signInLandsOnTheRoleHomeAndSignOutEndsTheSession() throws Exception {
		var signedIn = mvc.perform(formLogin("/sign-in").userParameter("email").user("manager@acme.test")
			.password("morsel-demo")).andReturn();
		assertThat(signedIn.getResponse().getRedirectedUrl()).isEqualTo("/");
		// Sessions live in the database (Spring Session): the cookie is what carries them, as in a browser.
		var session = signedIn.getResponse().getCookie("MORSEL_SESSION");
		assertThat(session).isNotNull();

		assertThat(mvc.perform(get("/").cookie(session)).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/team");
		assertThat(mvc.perform(get("/team").cookie(session)).andReturn().getResponse().getStatus()).isEqualTo(200);
		assertThat(mvc.perform(get("/admin").cookie(session)).andReturn().getResponse().getStatus()).isEqualTo(403);

		mvc.perform(post("/sign-out").with(csrf()).cookie(session));
		assertThat(mvc.perform(get("/team").cookie(session)).andReturn().getResponse().getRedirectedUrl())
			.endsWith("/sign-in");
	}

	@Test
	void wrongPasswordsAndUnknownAccountsGetTheSameAnswer() throws Exception {
		var wrong = mvc.perform(formLogin("/sign-in").userParameter("email").user("author@acme.test")
			.password("not-the-password")).andReturn().getResponse();
		var unknown = mvc.perform(formLogin("/sign-in").userParameter("email").user("nobody-" + UUID.randomUUID() + "@acme.test")
			.password("not-the-password")).andReturn().getResponse();

		assertThat(wrong.getRedirectedUrl()).isEqualTo("/sign-in?error=credentials");
		assertThat(unknown.getRedirectedUrl()).isEqualTo("/sign-in?error=credentials");
		jdbc.sql("DELETE FROM sign_in_failures WHERE account = 'author@acme.test'").update();
	}

	@Test
	void formsWithoutTheirCsrfTokenAreRefused() throws Exception {
		var learner = directory.member("learner@acme.test", "acme").orElseThrow();
		var response = mvc.perform(post("/profile").param("name", "Forged").param("timeZone", "UTC").param("language", "en")
			.with(authentication(MemberAuthentication.of(learner)))).andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(directory.member("learner@acme.test", "acme").orElseThrow().name()).isNotEqualTo("Forged");
	}

	@Test
	void fiveFailuresLockAnAccountNameOnPagesAndTheApiAlike() throws Exception {
		var email = "nobody-" + UUID.randomUUID() + "@acme.test";
		for (int i = 0; i < 4; i++) {
			assertThat(mvc.perform(formLogin("/sign-in").userParameter("email").user(email).password("x" + i))
				.andReturn().getResponse().getRedirectedUrl()).isEqualTo("/sign-in?error=credentials");
		}
		assertThat(mvc.perform(formLogin("/sign-in").userParameter("email").user(email).password("x"))
			.andReturn().getResponse().getRedirectedUrl()).isEqualTo("/sign-in?error=locked");

		var api = Api.on(port).http().post().uri("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
			.body("{\"email\": \"" + email + "\", \"password\": \"x\", \"organisation\": \"acme\"}")
			.retrieve().toEntity(String.class);
		assertThat(api.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(api.getBody()).contains("/problems/too-many-attempts");
	}

	@Test
	void aMailedOneTimeLinkResetsThePasswordAndClearsTheLock() throws Exception {
		var email = invite("reset-" + UUID.randomUUID() + "@acme.test", "LEARNER");
		acceptAsNewcomer(email, "Rosa Reset", "first-password-1");
		for (int i = 0; i < 5; i++) {
			mvc.perform(formLogin("/sign-in").userParameter("email").user(email).password("wrong" + i));
		}

		mvc.perform(post("/password/forgot").param("email", email).with(csrf()));
		var link = link(lastMailTo(email), "/password/reset/");
		assertThat(mvc.perform(get(link)).andReturn().getResponse().getContentAsString()).contains("Choose a new password");

		var mismatch = mvc.perform(post(link).param("password", "second-password-2").param("confirmation", "other")
			.with(csrf())).andReturn().getResponse();
		assertThat(mismatch.getContentAsString()).contains("The two passwords differ.");
		var reset = mvc.perform(post(link).param("password", "second-password-2").param("confirmation", "second-password-2")
			.with(csrf())).andReturn().getResponse();
		assertThat(reset.getRedirectedUrl()).isEqualTo("/sign-in?reset");

		assertThat(signIn(email, "first-password-1")).isEqualTo("/sign-in?error=credentials");
		assertThat(signIn(email, "second-password-2")).isEqualTo("/");
		var again = mvc.perform(post(link).param("password", "third-password-3").param("confirmation", "third-password-3")
			.with(csrf())).andReturn().getResponse();
		assertThat(again.getContentAsString()).contains("This link has expired or was already used.");
	}

	@Test
	void anUnknownEmailGetsTheSameAnswerAndNoMail() throws Exception {
		var email = "stranger-" + UUID.randomUUID() + "@acme.test";
		var response = mvc.perform(post("/password/forgot").param("email", email).with(csrf())).andReturn().getResponse();

		assertThat(response.getRedirectedUrl()).isEqualTo("/password/forgot?sent");
		assertThat(mailsTo(email)).isEmpty();
	}

	@Test
	void anInvitedNewcomerJoinsWithTheInvitedRoleInThatOrganisationOnly() throws Exception {
		var email = invite("newcomer-" + UUID.randomUUID() + "@acme.test", "AUTHOR");
		var link = link(lastMailTo(email), "/invitations/");

		var markup = mvc.perform(post(link).param("name", "<script>x</script>").param("password", "newcomer-pass-1")
			.param("confirmation", "newcomer-pass-1").with(csrf())).andReturn().getResponse();
		assertThat(markup.getContentAsString()).contains("must be plain text");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE email = :e").param("e", email).query(Long.class).single()).isZero();

		acceptAsNewcomer(email, "Nia Newcomer", "newcomer-pass-1");
		assertThat(signIn(email, "newcomer-pass-1")).isEqualTo("/");
		var member = directory.member(email, "acme").orElseThrow();
		assertThat(member.roles()).containsExactly(Role.AUTHOR);
		assertThat(directory.member(email, "globex")).isEmpty();
		assertThat(mvc.perform(get(link)).andReturn().getResponse().getContentAsString())
			.contains("This invitation has expired, was already used, or does not exist.");
	}

	@Test
	void someoneWithAnAccountJoinsASecondOrganisationWithTheirPassword() throws Exception {
		var email = invite("existing-" + UUID.randomUUID() + "@acme.test", "LEARNER");
		acceptAsNewcomer(email, "Ezra Existing", "existing-pass-1");
		var globexAdmin = directory.member("admin@globex.test", "globex").orElseThrow();
		mvc.perform(post("/admin/invitations").param("email", email).param("roles", "MANAGER").with(csrf())
			.with(authentication(MemberAuthentication.of(globexAdmin))));
		var link = link(lastMailTo(email), "/invitations/");

		var wrong = mvc.perform(post(link).param("password", "not-it-at-all").with(csrf())).andReturn().getResponse();
		assertThat(wrong.getContentAsString()).contains("That is not the current password.");
		assertThat(directory.member(email, "globex")).isEmpty();

		mvc.perform(post(link).param("password", "existing-pass-1").with(csrf()));
		assertThat(directory.member(email, "globex").orElseThrow().roles()).containsExactly(Role.MANAGER);
		assertThat(directory.member(email, "acme").orElseThrow().organisations()).hasSize(2);
	}

	@Test
	void onlyAdminsInviteAndBadInvitationsStoreNothing() throws Exception {
		var manager = directory.member("manager@acme.test", "acme").orElseThrow();
		var admin = directory.member("admin@acme.test", "acme").orElseThrow();
		var before = jdbc.sql("SELECT COUNT(*) FROM invitations").query(Long.class).single();

		assertThat(mvc.perform(post("/admin/invitations").param("email", "x@acme.test").param("roles", "LEARNER").with(csrf())
			.with(authentication(MemberAuthentication.of(manager)))).andReturn().getResponse().getStatus()).isEqualTo(403);
		var bad = mvc.perform(post("/admin/invitations").param("email", "not an email").with(csrf())
			.with(authentication(MemberAuthentication.of(admin)))).andReturn().getResponse();

		assertThat(bad.getStatus()).isEqualTo(200);
		assertThat(bad.getContentAsString()).contains("must be an email address", "choose at least one");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM invitations").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void datesAreShownInThePersonsTimeZoneAndBadProfilesChangeNothing() throws Exception {
		var email = invite("zone-" + UUID.randomUUID() + "@acme.test", "LEARNER");
		acceptAsNewcomer(email, "Zoe Zone", "zone-password-1");
		jdbc.sql("UPDATE memberships SET joined_at = TIMESTAMP WITH TIME ZONE '2026-01-15 23:30:00+00' WHERE user_id ="
				+ " (SELECT id FROM users WHERE email = :e)").param("e", email).update();
		var me = directory.member(email, "acme").orElseThrow();
		var page = "/people/" + me.memberId().value();

		save(me, "Zoe Zone", "UTC");
		assertThat(mvc.perform(get(page).with(authentication(MemberAuthentication.of(directory.member(email, "acme").orElseThrow()))))
			.andReturn().getResponse().getContentAsString()).contains("Joined Jan 15, 2026");
		save(me, "Zoe Zone", "Asia/Tokyo");
		assertThat(mvc.perform(get(page).with(authentication(MemberAuthentication.of(directory.member(email, "acme").orElseThrow()))))
			.andReturn().getResponse().getContentAsString()).contains("Joined Jan 16, 2026");

		var badZone = save(me, "Zoe Zone", "Mars/Olympus");
		var markup = save(me, "<b>Zoe</b>", "UTC");
		assertThat(badZone).contains("Choose a time zone from the list.");
		assertThat(markup).contains("must be plain text");
		var after = directory.member(email, "acme").orElseThrow();
		assertThat(after.zone().getId()).isEqualTo("Asia/Tokyo");
		assertThat(after.name()).isEqualTo("Zoe Zone");
	}

	@Test
	void whatPeopleTypeIsShownEscaped() throws Exception {
		var email = invite("escape-" + UUID.randomUUID() + "@acme.test", "LEARNER");
		acceptAsNewcomer(email, "Tom & \"Jerry\" O'Neil", "escape-password-1");
		var viewer = directory.member("admin@acme.test", "acme").orElseThrow();

		var people = mvc.perform(get("/people").with(authentication(MemberAuthentication.of(viewer)))).andReturn()
			.getResponse().getContentAsString();

		assertThat(people).contains("Tom &amp; &quot;Jerry&quot; O&#39;Neil").doesNotContain("Tom & \"Jerry\"");
	}

	@Test
	void adminsChangeRolesButNeverTheirOwnAdminRoleNorAnotherOrganisationsMember() throws Exception {
		var admin = directory.member("admin@acme.test", "acme").orElseThrow();
		var email = invite("roles-" + UUID.randomUUID() + "@acme.test", "LEARNER");
		acceptAsNewcomer(email, "Ravi Roles", "roles-password-1");
		var member = directory.member(email, "acme").orElseThrow();
		var globexMember = directory.people(directory.organisation("globex").orElseThrow()).getFirst();

		mvc.perform(post("/admin/people/" + member.memberId().value() + "/roles").param("roles", "LEARNER", "AUTHOR")
			.with(csrf()).with(authentication(MemberAuthentication.of(admin))));
		mvc.perform(post("/admin/people/" + admin.memberId().value() + "/roles").param("roles", "LEARNER")
			.with(csrf()).with(authentication(MemberAuthentication.of(admin))));
		var foreign = mvc.perform(post("/admin/people/" + globexMember.id().value() + "/roles").param("roles", "ADMIN")
			.with(csrf()).with(authentication(MemberAuthentication.of(admin)))).andReturn().getResponse();

		assertThat(directory.member(email, "acme").orElseThrow().roles()).containsExactlyInAnyOrder(Role.LEARNER, Role.AUTHOR);
		assertThat(directory.member("admin@acme.test", "acme").orElseThrow().roles()).contains(Role.ADMIN);
		assertThat(foreign.getStatus()).isEqualTo(404);
		assertThat(directory.people(directory.organisation("globex").orElseThrow()).getFirst().roles())
			.isEqualTo(globexMember.roles());
	}

	private String save(CurrentMember me, String name, String zone) throws Exception {
		return mvc.perform(post("/profile").param("name", name).param("timeZone", zone).param("language", "en")
			.with(csrf()).with(authentication(MemberAuthentication.of(me)))).andReturn().getResponse().getContentAsString();
	}

	private String invite(String email, String role) throws Exception {
		var admin = directory.member("admin@acme.test", "acme").orElseThrow();
		var response = mvc.perform(post("/admin/invitations").param("email", email).param("roles", role).with(csrf())
			.with(authentication(MemberAuthentication.of(admin)))).andReturn().getResponse();
		assertThat(response.getRedirectedUrl()).isEqualTo("/admin");
		return email;
	}

	private void acceptAsNewcomer(String email, String name, String password) throws Exception {
		var link = link(lastMailTo(email), "/invitations/");
		var accepted = mvc.perform(post(link).param("name", name).param("password", password)
			.param("confirmation", password).param("timeZone", "Europe/Paris").with(csrf())).andReturn().getResponse();
		assertThat(accepted.getRedirectedUrl()).isEqualTo("/sign-in?joined");
	}

	private String signIn(String email, String password) throws Exception {
		return mvc.perform(formLogin("/sign-in").userParameter("email").user(email).password(password)).andReturn()
			.getResponse().getRedirectedUrl();
	}

	private static java.util.List<MimeMessage> mailsTo(String email) {
		return Arrays.stream(TestInfrastructure.mail().getReceivedMessages()).filter(m -> {
			try {
				return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(email));
			}
			catch (jakarta.mail.MessagingException e) {
				throw new IllegalStateException(e);
			}
		}).toList();
	}

	private static String lastMailTo(String email) throws Exception {
		var mails = mailsTo(email);
		assertThat(mails).as("mail to " + email).isNotEmpty();
		return String.valueOf(mails.getLast().getContent());
	}

	/** The path of the link in a mail, from the given prefix on. */
	private static String link(String mail, String prefix) {
		var matcher = Pattern.compile("https?://[^/\\s]+(" + Pattern.quote(prefix) + "[A-Za-z0-9_-]+)").matcher(mail);
		assertThat(matcher.find()).as(mail).isTrue();
		return matcher.group(1);
	}
}
