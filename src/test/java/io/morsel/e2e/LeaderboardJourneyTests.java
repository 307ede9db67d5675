package io.morsel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.morsel.identity.CurrentMember;
import io.morsel.identity.Directory;
import io.morsel.learning.Leaderboards;
import io.morsel.learning.Learner;
import io.morsel.support.People;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * An admin turns team leaderboards on; a learner finds them from their daily goal, joins, sees their group's members
 * who joined ranked by this week's minutes with their own row marked, and leaves. axe-core finds nothing serious or
 * critical on a wide screen or a phone. Screenshots land in target/screenshots.
 */
class LeaderboardJourneyTests extends BrowserTest {

	private static final Path SCREENSHOTS = Path.of("target/screenshots");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Directory directory;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	Leaderboards leaderboards;

	@Override
	boolean injectsScripts() {
		return true;
	}

	@Test
	void aLearnerJoinsTheirTeamsLeaderboardSeesTheWeekAndLeaves() throws IOException {
		var slug = "league-" + UUID.randomUUID().toString().substring(0, 8);
		var organisation = UUID.randomUUID();
		jdbc.sql("INSERT INTO organisations (id, slug, name, created_at) VALUES (?, ?, ?, ?)")
			.params(organisation, slug, "League Foods", OffsetDateTime.now()).update();
		var admin = People.member(jdbc, directory, slug, "UTC", "Ada Admin", "ADMIN");
		var ana = People.learner(jdbc, directory, slug, "UTC", "Ana Alves");
		var ben = People.learner(jdbc, directory, slug, "UTC", "Ben Brook");
		var group = UUID.randomUUID();
		jdbc.sql("INSERT INTO member_groups (id, organisation_id, name, created_at) VALUES (?, ?, ?, ?)")
			.params(group, organisation, "Field sales", OffsetDateTime.now()).update();
		for (var member : new CurrentMember[] { ana, ben }) {
			jdbc.sql("INSERT INTO member_group_members (group_id, membership_id) VALUES (?, ?)")
				.params(group, member.memberId().value()).update();
		}
		jdbc.sql("""
				INSERT INTO learner_days (organisation_id, user_id, learned_on, seconds, lessons, mastered)
				VALUES (?, ?, ?, 1260, 3, 1)""")
			.params(organisation, ben.userId().value(), LocalDate.now(ZoneOffset.UTC)).update();
		leaderboards.join(Learner.of(ben));

		signIn(withPassword(admin.email()));
		page.navigate(url("/team"));
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Team leaderboards")).click();
		page.getByLabel("Offer team leaderboards to learners").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
		assertThat(page.getByRole(AriaRole.STATUS)).hasText("Team leaderboards are on. Learners may now join them.");
		org.assertj.core.api.Assertions.assertThat(axe("the leaderboard switch")).isEmpty();

		context.clearCookies();
		signIn(withPassword(ana.email()));
		page.navigate(url("/today/goal"));
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("See your team's week")).click();
		assertThat(page.getByText("Ben Brook")).hasCount(0);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join my team's leaderboard")).click();

		assertThat(page.getByRole(AriaRole.STATUS)).hasText("You joined your team's leaderboard.");
		var rows = page.locator("table.leaderboard tbody tr");
		assertThat(rows).hasCount(2);
		assertThat(rows.nth(0)).containsText("Ben Brook");
		assertThat(rows.nth(0)).containsText("21");
		assertThat(rows.nth(1)).containsText("Ana Alves (you)");
		assertThat(rows.nth(1)).hasAttribute("aria-current", "true");
		org.assertj.core.api.Assertions.assertThat(axe("the team's week on a wide screen")).isEmpty();
		screenshot("leaderboard-desktop");
		page.setViewportSize(390, 844);
		page.reload();
		org.assertj.core.api.Assertions.assertThat(axe("the team's week on a phone")).isEmpty();
		screenshot("leaderboard-phone");

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Leave the leaderboard")).click();
		assertThat(page.getByRole(AriaRole.STATUS)).hasText("You left the leaderboard. Your name is no longer shown.");
		assertThat(page.getByText("Ben Brook")).hasCount(0);
	}

	private String withPassword(String email) {
		jdbc.sql("UPDATE users SET password_hash = ? WHERE email = ?").params(passwords.encode(PASSWORD), email)
			.update();
		return email;
	}

	private void screenshot(String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS.resolve(name + ".png")));
	}
}
