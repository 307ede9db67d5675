package io.morsel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.morsel.identity.Directory;
import io.morsel.support.People;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An admin of an organisation of many finds members by typing (the list follows as they type, its count announced),
 * pages through them, and assigns a program to everyone a search found, beyond the page shown; axe checks each page,
 * and screenshots land in target/screenshots. The 120 learners are the test's own, named with a word of its own.
 */
class LongListsJourneyTests extends BrowserTest {

	private static final Path SCREENSHOTS = Path.of("target/screenshots");

	private static final List<String> FIRST = List.of("Ana", "Bruno", "Chloé", "Dmitri", "Elif", "Farah", "Goran",
			"Hiroshi", "Inès", "Jonas", "Kwame", "Lucía");

	private static final List<String> LAST = List.of("Ortiz", "Berg", "Nakamura", "Okafor", "Novak", "Silva",
			"Haddad", "Lindqvist", "Moreau", "Kowalski");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Directory directory;

	@Override
	boolean injectsScripts() {
		return true;
	}

	@Test
	void anAdminFindsPagesAndAssignsEveryoneASearchFound() throws IOException {
		var random = new Random();
		var word = "Zq" + random.ints(4, 'a', 'z' + 1).collect(StringBuilder::new, StringBuilder::appendCodePoint,
				StringBuilder::append);
		for (var first : FIRST) {
			for (var last : LAST) {
				People.learner(jdbc, directory, "acme", "UTC", first + " " + last + " " + word);
			}
		}
		var violations = new ArrayList<String>();
		signIn("admin@acme.test");

		page.navigate(url("/admin?q=" + word));
		var count = page.locator("#members [role=status]");
		assertThat(count).hasText("Showing 1–50 of 120");
		look(violations, "admin_120");
		page.getByLabel("Name or email").fill("chloe novak " + word.toLowerCase());
		assertThat(count).hasText("Showing 1–1 of 1");
		assertThat(page.locator("#members")).containsText("Chloé Novak " + word);
		// The list followed the typing, and the address kept up, so that it can be shared.
		org.assertj.core.api.Assertions.assertThat(page.url()).contains("q=chloe%20novak");

		page.navigate(url("/admin?q=" + word));
		page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Pages of members"))
			.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Next"))
			.click();
		assertThat(count).hasText("Showing 51–100 of 120");
		assertThat(page.locator("[aria-current=page]").last()).hasText("2");

		page.navigate(url("/team/assign?q=" + word));
		assertThat(page.locator("#assign-people [role=status]")).hasText("Showing 1–50 of 120");
		page.getByLabel("Select everyone on this page").check();
		assertThat(page.locator("input[name=members]:checked")).hasCount(50);
		look(violations, "team_assign_120");
		page.getByLabel("Everyone matching").check();
		page.getByLabel("Program").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(
				"Launch Acme Insights Forecasting with partners"));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Assign program")).click();
		assertThat(page).hasURL(Pattern.compile(".*/team$"));
		assertThat(page.getByText("120 people newly enrolled.")).isVisible();

		page.navigate(url("/team?sort=name&q=" + word));
		assertThat(page.locator("#team-rows [role=status]")).hasText("Showing 1–50 of 120");
		assertThat(page.locator("table.team-progress tbody tr")).hasCount(50);
		look(violations, "team_120");

		org.assertj.core.api.Assertions.assertThat(violations).as(String.join("\n", violations)).isEmpty();
	}

	/** A screenshot of the whole page on a desktop and on a phone, each checked by axe. */
	private void look(List<String> violations, String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		for (var width : List.of(1280, 390)) {
			page.setViewportSize(width, width == 390 ? 844 : 800);
			page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
				.setPath(SCREENSHOTS.resolve(name + "_" + width + ".png")));
			violations.addAll(axe(name + " at " + width + "px"));
		}
		page.setViewportSize(1280, 800);
	}
}
